package org.pmtriage.analysis;

import java.util.function.Consumer;

/**
 * A map from {@code long} keys (PIDs, process indexes, record numbers) to values, with open
 * addressing: a lookup boxes nothing and allocates nothing. PIDs are multiples of four and cluster,
 * so keys are mixed before they pick a slot. Iteration order is that of the slots, which callers
 * must not rely on. Not thread-safe.
 *
 * @param <V> the values; never null
 */
final class LongMap<V> {

    private static final int FREE = 0;
    private static final int USED = 1;

    private long[] keys;
    private Object[] values;
    private byte[] state;
    private int size;

    LongMap() {
        allocate(16);
    }

    /** @return the value of {@code key}, or null */
    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); state[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    /**
     * Maps {@code key} to {@code value}, replacing any value it had.
     *
     * @return the value it replaced, or null
     */
    @SuppressWarnings("unchecked")
    V put(long key, V value) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        for (; state[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
        }
        keys[i] = key;
        values[i] = value;
        state[i] = USED;
        if (++size * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        return null;
    }

    /** Unmaps {@code key} when it maps to {@code value} (by identity). */
    void remove(long key, V value) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); state[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                if (values[i] == value) {
                    delete(i);
                }
                return;
            }
        }
    }

    /** Unmaps {@code key}. */
    void remove(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); state[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                delete(i);
                return;
            }
        }
    }

    int size() {
        return size;
    }

    /** Gives every value to {@code action}, in slot order; the map must not change meanwhile. */
    @SuppressWarnings("unchecked")
    void forEachValue(Consumer<? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (state[i] == USED) {
                action.accept((V) values[i]);
            }
        }
    }

    void clear() {
        allocate(16);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        state = new byte[capacity];
        size = 0;
    }

    /** Frees slot {@code i}, moving later entries of its run back so that every lookup still finds them. */
    private void delete(int i) {
        int mask = keys.length - 1;
        int hole = i;
        for (int j = (i + 1) & mask; state[j] != FREE; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            // the entry at j may fill the hole when its home is not cyclically within (hole, j]
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        state[hole] = FREE;
        values[hole] = null;
        size--;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        byte[] oldState = state;
        keys = new long[capacity];
        values = new Object[capacity];
        state = new byte[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldState[j] == USED) {
                int i = slot(oldKeys[j], mask);
                while (state[i] != FREE) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                state[i] = USED;
            }
        }
    }

    private static int slot(long key, int mask) {
        // the high word folded in; zero for a key that is an int, so that those keep their slots
        int h = ((int) key ^ (int) (key >>> 32) ^ (int) key >> 31) * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
