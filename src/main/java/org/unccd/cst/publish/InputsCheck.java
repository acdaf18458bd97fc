package org.unccd.cst.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.unccd.cst.programme.ProgrammeLoader;

/**
 * One programme per run: before a set is published, the input folder must still hold what
 * the run read when it began. {@code programme.yaml} must have the same bytes; the data
 * files the same names and sizes (hashing them all again would cost as much as reading
 * them). A change fails the run, which publishes nothing, and the next run reads the new
 * inputs.
 */
final class InputsCheck {

	private InputsCheck() {
	}

	static void assertUnchanged(List<Manifest.FileEntry> recorded, Path input) throws IOException {
		for (Manifest.FileEntry entry : recorded) {
			Path file = input.resolve(entry.file());
			if (entry.file().equals(ProgrammeLoader.FILE)) {
				if (!Files.isRegularFile(file) || !FileDigest.sha256(file).equals(entry.sha256())) {
					throw new IllegalStateException(ProgrammeLoader.FILE + " changed during the run; run again");
				}
			}
			else if (!Files.isRegularFile(file) || Files.size(file) != entry.size()) {
				throw new IllegalStateException(
						"the input file " + entry.file() + " changed during the run; run again");
			}
		}
		Set<String> before = recorded.stream().map(Manifest.FileEntry::file).collect(Collectors.toSet());
		for (String now : Manifest.inputNames(input)) {
			if (!before.contains(now)) {
				throw new IllegalStateException("the input file " + now + " appeared during the run; run again");
			}
		}
	}

}
