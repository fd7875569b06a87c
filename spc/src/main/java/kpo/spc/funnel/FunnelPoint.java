package kpo.spc.funnel;

/**
 * One unit on the funnel.
 *
 * @param unit the unit's name
 * @param value numerator over denominator
 * @param z how many (adjusted) standard errors the value lies from the target: (y − θ)/s, with the
 *     method's allowance for overdispersion
 * @param beyond the widest level whose limits the value lies outside (0.998 for a unit beyond the
 *     99.8% limits), or 0 when it lies within every pair
 * @param side +1 above the upper limit of {@code beyond}, −1 below the lower, 0 within every pair
 */
public record FunnelPoint(String unit, double numerator, double denominator, double value, double z, double beyond,
        int side) {

    public boolean outlier() {
        return side != 0;
    }
}
