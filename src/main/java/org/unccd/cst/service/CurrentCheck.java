package org.unccd.cst.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.RunParameters;
import org.unccd.cst.publish.Manifest;

/** Whether a published set need not be made again. */
final class CurrentCheck {

	private CurrentCheck() {
	}

	/**
	 * Whether the published set was made from these inputs with these parameters, and is
	 * whole.
	 */
	static boolean isCurrent(RunParameters parameters, Path published, String digest) throws IOException {
		Path file = published.resolve(Manifest.FILE);
		if (!Files.isRegularFile(file)) {
			return false;
		}
		Manifest manifest;
		try {
			manifest = JsonFiles.read(file, Manifest.class);
		}
		catch (RuntimeException ex) {
			return false;
		}
		Manifest.Parameters p = manifest.parameters();
		return digest.equals(manifest.inputDigest()) && Manifest.currentGenerator().equals(manifest.generator())
				&& parameters.asOf().equals(p.asOf()) && parameters.languages().equals(p.lang())
				&& parameters.maxRejects() == p.maxRejects() && manifest.outputs().equals(Manifest.outputs(published));
	}

}
