package dev.interleave.stress.bench;

/**
 * How long a gate or barrier benchmark thread waits for its partner before it checks whether the iteration is
 * over. A wait that runs out during the measurement simply waits again; it only ends the
 * operation once {@code Control.stopMeasurement} is set, so it costs the end of an iteration at
 * most this long and never hangs it.
 */
final class Patience {
    static final long MILLIS = 100;

    private Patience() {}
}
