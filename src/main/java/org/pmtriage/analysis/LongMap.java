package org.pmtriage.analysis;

import java.util.function.Consumer;

/**
 * A map from {@code int} keys (PIDs, process indexes) to values, with open addressing: a lookup
 * boxes nothing and allocates nothing. PIDs are multiples of four and cluster, so keys are mixed
 * before they pick a slot. Iteration order is that of the slots, which callers must not rely on.
 * Not thread-safe.
 *
 * @param <V> the values; never null
 */
final class IntMap<V> {

    private static final int FREE = 0;
    private static final int USED = 1;

    private int[] keys;
    private Object[] values;
    private byte[] state;
    private int size;

    IntMap() {
        allocate(16);
    }

    /** @return the value of {@code key}, or null */
    @SuppressWarnings("unchecked")
    V get(int key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); state[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Maps {@code key} to {@code value}, replacing any value it had. */
    void put(int key, V value) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        for (; state[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
        keys[i] = key;
        values[i] = value;
        state[i] = USED;
        if (++size * 2 > keys.length) {
            rehash(keys.length * 2);
        }
    }

    /** Unmaps {@code key} when it maps to {@code value} (by identity). */
    void remove(int key, V value) {
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
    void remove(int key) {
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
        keys = new int[capacity];
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
        int[] oldKeys = keys;
        Object[] oldValues = values;
        byte[] oldState = state;
        keys = new int[capacity];
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

    private static int slot(int key, int mask) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
