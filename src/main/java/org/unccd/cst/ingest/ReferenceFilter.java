package org.unccd.cst.ingest;

/**
 * Tells, in a fixed amount of memory, whether a reference may have been seen before in
 * its table: a Bloom filter. "No" is certain and "maybe" is not, so a row it answers
 * "maybe" for is only a candidate duplicate, which {@link CrossRowChecks} settles in SQL.
 * Its size is set once, by the size of the input, and capped: it does not grow with the
 * rows. The readers of several files add to one filter at once: {@link #add} is
 * synchronized, so that no bit is lost.
 */
final class ReferenceFilter {

	/** The largest filter: 2^28 bits, 32 MB. */
	static final int MAX_BITS_LOG2 = 28;

	static final int MIN_BITS_LOG2 = 16;

	/** Bits set per reference, all in one block of 512 bits (a cache line). */
	private static final int HASHES = 6;

	private final long[] words;

	private final long blockMask;

	private ReferenceFilter(int bitsLog2) {
		this.words = new long[1 << (bitsLog2 - 6)];
		this.blockMask = (1L << (bitsLog2 - 9)) - 1;
	}

	/**
	 * A filter for input files of {@code inputBytes} bytes in all: a bit per byte of
	 * input, within the bounds; a reference takes a row of several bytes.
	 */
	static ReferenceFilter forInput(long inputBytes) {
		int log2 = MIN_BITS_LOG2;
		while (log2 < MAX_BITS_LOG2 && (1L << log2) < inputBytes) {
			log2++;
		}
		return new ReferenceFilter(log2);
	}

	/**
	 * Adds a reference of a table and tells whether it may have been added before.
	 * @return {@code false} when it certainly was not
	 */
	synchronized boolean add(DataTable table, String reference) {
		long hash = hash(table, reference);
		int block = (int) ((hash & this.blockMask) << 3);
		long bits = mix(hash ^ 0x9e3779b97f4a7c15L);
		boolean seen = true;
		for (int i = 0; i < HASHES; i++) {
			int bit = (int) (bits >>> (9 * i)) & 511;
			int word = block + (bit >>> 6);
			long flag = 1L << bit;
			if ((this.words[word] & flag) == 0) {
				seen = false;
				this.words[word] |= flag;
			}
		}
		return seen;
	}

	/**
	 * Tells whether a reference of a table may have been added, without adding it.
	 * @return {@code false} when it certainly was not
	 */
	synchronized boolean contains(DataTable table, String reference) {
		long hash = hash(table, reference);
		int block = (int) ((hash & this.blockMask) << 3);
		long bits = mix(hash ^ 0x9e3779b97f4a7c15L);
		for (int i = 0; i < HASHES; i++) {
			int bit = (int) (bits >>> (9 * i)) & 511;
			if ((this.words[block + (bit >>> 6)] & (1L << bit)) == 0) {
				return false;
			}
		}
		return true;
	}

	/** A 64-bit hash of the table and the reference (FNV-1a, then a finalizer). */
	static long hash(DataTable table, String reference) {
		long h = 0xcbf29ce484222325L ^ table.ordinal();
		for (int i = 0; i < reference.length(); i++) {
			h ^= reference.charAt(i);
			h *= 0x100000001b3L;
		}
		return mix(h);
	}

	private static long mix(long value) {
		long h = value;
		h ^= (h >>> 33);
		h *= 0xff51afd7ed558ccdL;
		h ^= (h >>> 33);
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= (h >>> 33);
		return h;
	}

}
