package org.jnova.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The draws every request generator makes from its seeded random source. Each takes the
 * source it draws from, so one seed gives one sequence whichever generator asks.
 */
final class Draws {
    private Draws() {
    }

    static <T> T pick(RandomGenerator random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** One of the values, with the weights given after each (value, weight, value, weight...). */
    @SuppressWarnings("unchecked")
    static <T> T weighted(RandomGenerator random, Object... pairs) {
        int total = 0;
        for (int i = 1; i < pairs.length; i += 2) {
            total += (Integer) pairs[i];
        }
        int r = random.nextInt(total);
        for (int i = 0; i < pairs.length; i += 2) {
            r -= (Integer) pairs[i + 1];
            if (r < 0) {
                return (T) pairs[i];
            }
        }
        throw new IllegalStateException();
    }

    /** Shuffles {@code targets} in an order fixed by the source. */
    static <T> void shuffle(RandomGenerator random, List<T> targets) {
        for (int i = targets.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = targets.get(i);
            targets.set(i, targets.get(j));
            targets.set(j, t);
        }
    }

    /** The path made odd in one of several ways. */
    static String oddPath(RandomGenerator random, String path) {
        return switch (random.nextInt(10)) {
            case 0 -> path + "/";
            case 1 -> path.replaceFirst("/", "//");
            case 2 -> path + "/junk";
            case 3 -> "/./" + path.substring(1);
            case 4 -> "/../" + path.substring(1);
            case 5 -> path.toUpperCase(Locale.ROOT);
            case 6 -> path + ".json";
            case 7 -> path + ";jsessionid=x";
            case 8 -> path.replace("/", "%2F");
            default -> path + "/" + "a/".repeat(random.nextInt(1, 200));
        };
    }
}
