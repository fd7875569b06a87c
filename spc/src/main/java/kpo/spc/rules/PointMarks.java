package kpo.spc.rules;

/**
 * The signals on each point as bit masks ({@link kpo.spc.Signal#bit()}), with the direction each
 * signal points: a bit in {@code high} says the signal points up (above the centre, increasing), in
 * {@code low} down. A non-directional signal sets neither; a point at the peak of two opposite trends
 * sets both.
 */
public final class PointMarks {

    final int[] signals;
    final int[] high;
    final int[] low;

    PointMarks(int n) {
        signals = new int[n];
        high = new int[n];
        low = new int[n];
    }

    public int signals(int i) {
        return signals[i];
    }

    public int high(int i) {
        return high[i];
    }

    public int low(int i) {
        return low[i];
    }

    void mark(int i, int bit, int side) {
        signals[i] |= bit;
        if (side > 0) {
            high[i] |= bit;
        } else if (side < 0) {
            low[i] |= bit;
        }
    }
}
