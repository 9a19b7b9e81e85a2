package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DriverCalendarTest {

    @Test
    void reservationsTakeTheFirstGapThatFitsAndNeverOverlap() {
        DriverCalendar calendar = new DriverCalendar();
        assertEquals(100, calendar.reserve(100, 50));
        assertEquals(300, calendar.reserve(300, 50));
        assertEquals(150, calendar.reserve(120, 40), "pushed to the end of [100, 150)");
        assertEquals(190, calendar.reserve(120, 100), "fits between 190 and 300");
        assertEquals(350, calendar.reserve(200, 200), "no gap of 200 before 350");
        calendar.shrink(350, 360);
        assertEquals(360, calendar.reserve(355, 10));
        assertThrows(IllegalStateException.class, () -> calendar.shrink(100, 170));
    }

    @Test
    void randomReservationsAreDisjoint() {
        DriverCalendar calendar = new DriverCalendar();
        SplittableRandom random = new SplittableRandom(1);
        Map<Long, Long> taken = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            long earliest = random.nextLong(100_000);
            long length = 1 + random.nextLong(300);
            long start = calendar.reserve(earliest, length);
            assertTrue(start >= earliest);
            for (Map.Entry<Long, Long> t : taken.entrySet()) {
                assertTrue(start + length <= t.getKey() || start >= t.getValue(), "overlap at " + start);
            }
            taken.put(start, start + length);
        }
    }

    @Test
    void reusedPidsComeBackOnlyAfterTheirExit() {
        PidAllocator ids = new PidAllocator(new SplittableRandom(3), true, 1000);
        int pid = ids.processId(0);
        ids.release(pid, 50_000);
        for (int i = 0; i < 20; i++) {
            assertTrue(ids.processId(40_000) != pid, "reused before its exit");
        }
        int again = -1;
        for (int i = 0; i < 20 && again != pid; i++) {
            again = ids.processId(80_000);
        }
        assertEquals(pid, again, "reused after exit");
    }
}
