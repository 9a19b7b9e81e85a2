package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The PID map agrees with a HashMap through puts and removals of clustered keys, across growth. */
class LongMapTest {

    @Test
    void agreesWithAHashMapOnClusteredPidsPutAndRemovedAtRandom() {
        LongMap<String> map = new LongMap<>();
        Map<Integer, String> reference = new HashMap<>();
        Random random = new Random(16);
        for (int step = 0; step < 200_000; step++) {
            // PIDs are multiples of four within a narrow range: many keys share their home slots
            int pid = 4 * random.nextInt(3_000);
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    String value = "p" + step;
                    map.put(pid, value);
                    reference.put(pid, value);
                }
                case 2 -> {
                    map.remove(pid);
                    reference.remove(pid);
                }
                default -> assertEquals(reference.get(pid), map.get(pid), "pid " + pid + " at step " + step);
            }
            assertEquals(reference.size(), map.size());
        }
        for (int pid = 0; pid < 4 * 3_000; pid++) {
            assertEquals(reference.get(pid), map.get(pid), "pid " + pid);
        }
        Map<String, Boolean> seen = new HashMap<>();
        map.forEachValue(v -> seen.put(v, true));
        assertEquals(reference.size(), seen.size(), "each value once");
    }

    @Test
    void removesAKeyOnlyWhenItStillMapsToTheGivenValue() {
        LongMap<String> map = new LongMap<>();
        String first = "first";
        String second = "second";
        map.put(4, first);
        map.put(4, second);
        map.remove(4, first);
        assertSame(second, map.get(4), "a later process of the PID stays");
        map.remove(4, second);
        assertNull(map.get(4));
        assertEquals(0, map.size());
    }

    @Test
    void keysBeyondAnIntAreTheirOwn() {
        LongMap<String> map = new LongMap<>();
        map.put(7, "int");
        map.put(7 + (1L << 32), "high word");
        map.put(-1, "minus one");
        map.put(0xFFFF_FFFFL, "unsigned");
        assertEquals("int", map.get(7));
        assertEquals("high word", map.get(7 + (1L << 32)));
        assertEquals("minus one", map.get(-1));
        assertEquals("unsigned", map.get(0xFFFF_FFFFL));
        assertEquals("high word", map.put(7 + (1L << 32), "again"), "put gives back what it replaced");
        assertEquals(4, map.size());
    }
}
