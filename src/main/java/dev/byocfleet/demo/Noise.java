package dev.byocfleet.demo;

/**
 * Deterministic pseudo-randomness keyed by coordinates rather than by draw order, so any value can
 * be computed on its own, in any order, on any thread, and always comes out the same.
 */
final class Noise {

    private Noise() {
    }

    /** SplitMix64 finaliser: a well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long hash(long a, long b) {
        return mix(a * 0x9E3779B97F4A7C15L + mix(b));
    }

    static long hash(long a, long b, long c) {
        return hash(hash(a, b), c);
    }

    static long hash(long a, long b, long c, long d) {
        return hash(hash(a, b, c), d);
    }

    /** Uniform in [0, 1). */
    static double unit(long h) {
        return (mix(h) >>> 11) * 0x1.0p-53;
    }

    /** Roughly standard normal (sum of four uniforms, rescaled): cheap and bounded at about ±3.5. */
    static double gaussian(long h) {
        long z = mix(h);
        double s = 0;
        for (int i = 0; i < 4; i++) {
            s += (z & 0xFFFF) / 65536.0;
            z >>>= 16;
        }
        return (s - 2.0) * Math.sqrt(3.0);
    }

    /** A stable 64-bit key for a string (names, ids). */
    static long key(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }
}
