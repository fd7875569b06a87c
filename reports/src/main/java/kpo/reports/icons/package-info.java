/** The Making Data Count variation and assurance icons as vector drawings. */
package kpo.reports.icons;
