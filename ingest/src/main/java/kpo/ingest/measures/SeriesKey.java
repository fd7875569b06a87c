package kpo.ingest.measures;

/**
 * Which series a row belongs to: a measure for one unit.
 *
 * @param measureId the catalogue measure
 * @param unitType trust, site, csu, specialty or unit
 * @param unitCode the unit's code
 */
public record SeriesKey(String measureId, String unitType, String unitCode) implements java.io.Serializable {
}
