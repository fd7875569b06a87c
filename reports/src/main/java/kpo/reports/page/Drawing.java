package kpo.reports.page;

import java.awt.Graphics2D;

/** Something drawn with Java2D in a box of known size, origin top left: a chart, an icon, a sparkline. */
@FunctionalInterface
public interface Drawing {

    void draw(Graphics2D g, double width, double height);
}
