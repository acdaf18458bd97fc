package org.unccd.cst.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The points where a word of a language may be hyphenated, by Liang's algorithm ("Word
 * Hy-phen-a-tion by Com-put-er", 1983) on the TeX hyph-utf8 patterns of the language,
 * which are kept unchanged, with their licences, in
 * {@code src/main/resources/hyphenation}. English, French, Spanish and Russian have
 * patterns; Arabic and Chinese are not hyphenated.
 */
final class Hyphenator {

	private static final Map<String, String> FILES = Map.of("en", "hyph-en-us.tex", "fr", "hyph-fr.tex", "es",
			"hyph-es.tex", "ru", "hyph-ru.tex");

	private static final Map<String, Hyphenator> LOADED = new ConcurrentHashMap<>();

	private final Locale locale;

	/** The letters of each pattern and the values between them, one more than letters. */
	private final Map<String, byte[]> patterns;

	/** Words hyphenated as given, with the points of each. */
	private final Map<String, int[]> exceptions;

	private final int longest;

	private final int left;

	private final int right;

	private Hyphenator(String lang, String tex) {
		this.locale = Locale.forLanguageTag(lang);
		String text = withoutComments(tex);
		this.patterns = new HashMap<>();
		int longestPattern = 0;
		for (String pattern : group(text, "\\patterns")) {
			StringBuilder letters = new StringBuilder();
			List<Byte> values = new ArrayList<>();
			byte value = 0;
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c >= '0' && c <= '9') {
					value = (byte) (c - '0');
				}
				else {
					values.add(value);
					value = 0;
					letters.append(c);
				}
			}
			values.add(value);
			byte[] array = new byte[values.size()];
			for (int i = 0; i < array.length; i++) {
				array[i] = values.get(i);
			}
			this.patterns.put(letters.toString(), array);
			longestPattern = Math.max(longestPattern, letters.length());
		}
		this.longest = longestPattern;
		this.exceptions = new HashMap<>();
		for (String exception : group(text, "\\hyphenation")) {
			List<Integer> points = new ArrayList<>();
			StringBuilder word = new StringBuilder();
			for (int i = 0; i < exception.length(); i++) {
				char c = exception.charAt(i);
				if (c == '-') {
					points.add(word.length());
				}
				else {
					word.append(c);
				}
			}
			this.exceptions.put(word.toString().toLowerCase(this.locale),
					points.stream().mapToInt(Integer::intValue).toArray());
		}
		this.left = hyphenMin(tex, "left:", 2);
		this.right = hyphenMin(tex, "right:", 2);
	}

	/** The hyphenator of a language, or {@code null} for a language without patterns. */
	static Hyphenator of(String lang) {
		String file = (lang != null) ? FILES.get(lang) : null;
		if (file == null) {
			return null;
		}
		return LOADED.computeIfAbsent(lang, (l) -> new Hyphenator(l, read("hyphenation/" + file)));
	}

	/**
	 * Where {@code word} may be hyphenated: each point {@code p} lets the word break
	 * between {@code word.substring(0, p)} and {@code word.substring(p)}, in increasing
	 * order. A word that is not all letters has none.
	 */
	int[] points(String word) {
		return points(word, word.length());
	}

	/**
	 * The points of {@code word} up to {@code limit}, found from no more of the word than
	 * they depend on: a word of thousands of letters costs no more than its first line.
	 */
	int[] points(String word, int limit) {
		int n = word.length();
		if (n < this.left + this.right || !word.chars().allMatch(Character::isLetter)) {
			return new int[0];
		}
		String lower = word.toLowerCase(this.locale);
		if (lower.length() != n) {
			return new int[0];
		}
		int last = Math.min(limit, n - this.right);
		int[] given = this.exceptions.get(lower);
		if (given != null) {
			return Arrays.stream(given).filter((p) -> p <= last).toArray();
		}
		// a pattern reaches at most its length past a point: the letters beyond that,
		// and the end of the word, cannot change the points up to the limit
		int window = Math.min(n, Math.max(limit, 0) + this.longest + 1);
		String dotted = "." + lower.substring(0, window) + ((window == n) ? "." : "");
		byte[] values = new byte[dotted.length() + 1];
		for (int i = 0; i < dotted.length(); i++) {
			int end = Math.min(dotted.length(), i + this.longest);
			for (int j = i + 1; j <= end; j++) {
				byte[] pattern = this.patterns.get(dotted.substring(i, j));
				if (pattern != null) {
					for (int k = 0; k < pattern.length; k++) {
						if (pattern[k] > values[i + k]) {
							values[i + k] = pattern[k];
						}
					}
				}
			}
		}
		// a break before word[p] is the gap before dotted[p + 1]
		int[] points = new int[Math.max(0, last)];
		int count = 0;
		for (int p = this.left; p <= last; p++) {
			if (values[p + 1] % 2 == 1) {
				points[count++] = p;
			}
		}
		return Arrays.copyOf(points, count);
	}

	/** The word with a hyphen at each of its points, as a reader checks them. */
	String hyphenate(String word) {
		StringBuilder out = new StringBuilder(word);
		int[] points = points(word);
		for (int i = points.length - 1; i >= 0; i--) {
			out.insert(points[i], '-');
		}
		return out.toString();
	}

	private static String read(String resource) {
		try (InputStream in = Hyphenator.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(
						"Hyphenation patterns " + resource + " are missing from the application");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String withoutComments(String tex) {
		StringBuilder out = new StringBuilder(tex.length());
		for (String line : tex.split("\n")) {
			int comment = line.indexOf('%');
			out.append((comment >= 0) ? line.substring(0, comment) : line).append('\n');
		}
		return out.toString();
	}

	/** The words of a TeX group such as {@code \patterns{...}}, or none. */
	private static List<String> group(String text, String command) {
		int start = text.indexOf(command + "{");
		if (start < 0) {
			return List.of();
		}
		start += command.length() + 1;
		int end = text.indexOf('}', start);
		List<String> words = new ArrayList<>();
		for (String word : text.substring(start, end).split("\\s+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** The least letters before or after a hyphen, as the file's header gives it. */
	private static int hyphenMin(String tex, String key, int otherwise) {
		int header = tex.indexOf("% hyphenmins:");
		if (header < 0) {
			return otherwise;
		}
		int at = tex.indexOf(key, header);
		if (at < 0) {
			return otherwise;
		}
		int end = tex.indexOf('\n', at);
		return Integer.parseInt(tex.substring(at + key.length(), end).strip());
	}

}
