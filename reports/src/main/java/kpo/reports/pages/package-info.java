/**
 * The pages of a pack, one class per page type, and the plan of what a trust or CSU pack contains
 * and in which order.
 */
package kpo.reports.pages;
