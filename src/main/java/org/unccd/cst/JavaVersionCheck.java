package org.unccd.cst;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The jar's first class: on a Java older than the application needs it says so in one
 * line and exits 2, instead of the {@code UnsupportedClassVersionError} stack trace that
 * loading the application would print; on a recent enough Java it hands over to
 * {@link CstReportsApplication}.
 * <p>
 * It is compiled for Java 8 (a compiler execution of its own in {@code pom.xml}), so that
 * an older Java can load it, and names the application only as a string: it must not load
 * any class compiled for Java 21 before the check.
 */
public final class JavaVersionCheck {

	/** The Java feature release the application is compiled for. */
	static final int NEEDED = 21;

	private static final String APPLICATION = "org.unccd.cst.CstReportsApplication";

	private JavaVersionCheck() {
	}

	public static void main(String[] args) throws Throwable {
		int running = feature(System.getProperty("java.specification.version", "0"));
		if (running < NEEDED) {
			System.err.println(message(running, System.getProperty("java.home", "?")));
			System.exit(2);
		}
		MethodHandle main = MethodHandles.publicLookup()
			.findStatic(Class.forName(APPLICATION), "main", MethodType.methodType(void.class, String[].class));
		main.invokeExact(args);
	}

	/** The one line said on an older Java. */
	static String message(int running, String javaHome) {
		return "cst-reports: needs Java " + NEEDED + " or newer, and this is Java " + running + " (" + javaHome
				+ "): run bin/cst-reports, which finds a JDK " + NEEDED
				+ "+ on the machine, or see README.md, Prerequisites, for where to get one";
	}

	/**
	 * The feature release of a {@code java.specification.version}: 1.8 is 8, 17 is 17.
	 */
	static int feature(String specification) {
		String number = specification.startsWith("1.") ? specification.substring(2) : specification;
		int end = 0;
		while (end < number.length() && Character.isDigit(number.charAt(end))) {
			end++;
		}
		return (end > 0) ? Integer.parseInt(number.substring(0, end)) : 0;
	}

}
