/**
 * Funnel plots: units (sites, CSUs, specialties, trusts) compared with a common target given each
 * one's size, with the normal-approximation limits of Spiegelhalter (2005) and its adjustments for
 * overdispersion ({@link kpo.spc.funnel.Funnel}).
 */
package kpo.spc.funnel;
