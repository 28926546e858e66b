package io.tickflow.engine.generator;

/**
 * SplitMix64: a small, fast pseudo-random generator whose sequence is fixed by its seed and
 * this code alone (no JDK algorithm that could change between versions), so a seed
 * reproduces the same market on every machine. Not thread-safe; allocation-free.
 */
final class SplitMix64 {
    private long state;
    private boolean hasSpareGaussian;
    private double spareGaussian;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in (0, 1]: safe to take the logarithm of. */
    double nextOpenDouble() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller, StrictMath for reproducibility). */
    double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(nextOpenDouble()));
        double angle = 2.0 * StrictMath.PI * nextDouble();
        spareGaussian = radius * StrictMath.sin(angle);
        hasSpareGaussian = true;
        return radius * StrictMath.cos(angle);
    }

    /** Exponential with the given mean. */
    double nextExponential(double mean) {
        return -mean * StrictMath.log(nextOpenDouble());
    }
}
