package org.unccd.cst;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates PDFs against PDF/A-2u with veraPDF, the PDF Association's reference
 * validator. Each distinct file is validated once per test run, however many tests
 * publish it.
 */
public final class PdfArchiveCheck {

	private static final List<PDFAFlavour> FLAVOURS = List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1);

	private static final Map<String, List<String>> CHECKED = new ConcurrentHashMap<>();

	private static final AtomicInteger VALIDATED = new AtomicInteger();

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private PdfArchiveCheck() {
	}

	/**
	 * The rules the PDF breaks, each with its clause and where; empty when it conforms.
	 */
	public static List<String> failures(byte[] pdf) {
		// one parse and one walk of the document for both flavours, as veraPDF's own
		// processor does: about half the time of one validation per flavour
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), FLAVOURS.get(0));
				PDFAValidator validator = Foundries.defaultInstance().createValidator(FLAVOURS)) {
			List<ValidationResult> results = validator.validateAll(parser);
			VALIDATED.incrementAndGet();
			List<String> failed = new ArrayList<>();
			for (ValidationResult result : results) {
				failed.addAll(failures(result));
			}
			return failed;
		}
		catch (ValidationException | ModelParsingException | IOException ex) {
			return List.of("veraPDF could not read the file: " + ex.getMessage());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The rules of one flavour that the PDF breaks; empty when it conforms. */
	public static List<String> failures(byte[] pdf, PDFAFlavour flavour) {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
			ValidationResult result = validator.validate(parser);
			VALIDATED.incrementAndGet();
			return failures(result);
		}
		catch (ValidationException | ModelParsingException | IOException ex) {
			return List.of(flavour.getId() + ": veraPDF could not read the file: " + ex.getMessage());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> failures(ValidationResult result) {
		PDFAFlavour flavour = result.getPDFAFlavour();
		List<String> failed = result.getTestAssertions()
			.stream()
			.filter((assertion) -> assertion.getStatus() == TestAssertion.Status.FAILED)
			.map((assertion) -> flavour.getId() + " " + assertion.getRuleId().getClause() + "-"
					+ assertion.getRuleId().getTestNumber() + " " + assertion.getMessage() + " @ "
					+ assertion.getLocation().getContext())
			.distinct()
			.toList();
		return (failed.isEmpty() && !result.isCompliant()) ? List.of(flavour.getId() + " not compliant") : failed;
	}

	/** Asserts that the PDF conforms to PDF/A-2u. */
	public static void assertConforms(Path pdf) {
		try {
			byte[] bytes = Files.readAllBytes(pdf);
			List<String> failed = CHECKED.computeIfAbsent(digest(bytes), (key) -> failures(bytes));
			assertThat(failed).as("PDF/A-2u rules broken by " + pdf).isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Asserts that every PDF in the folder, at any depth, conforms to PDF/A-2u. */
	public static void assertAllConform(Path folder) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.filter((file) -> file.getFileName().toString().endsWith(".pdf"))
				.sorted()
				.forEach(PdfArchiveCheck::assertConforms);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * After a command line ended with {@code code}: when the run published (0 or 3),
	 * asserts that every PDF under its {@code --output} folder conforms to PDF/A-2u.
	 */
	public static void assertPublishedConform(int code, String... args) {
		if (code != 0 && code != 3) {
			return;
		}
		for (String arg : args) {
			if (arg.startsWith("--output=")) {
				assertAllConform(Path.of(arg.substring("--output=".length())));
			}
		}
	}

	/** How many distinct files veraPDF has validated in this JVM. */
	public static int validated() {
		return VALIDATED.get();
	}

	private static String digest(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
