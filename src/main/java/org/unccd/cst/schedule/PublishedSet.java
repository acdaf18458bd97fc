package org.unccd.cst.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.unccd.cst.publish.Manifest;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.OutputFolder;
import org.unccd.cst.run.Summary;

/** What a run published, for the schedule's log. */
final class PublishedSet {

	private PublishedSet() {
	}

	/** The published folder, its files and rejected rows, after a run that published. */
	static String describe(Path dir) {
		if (dir == null) {
			return "";
		}
		try {
			Manifest manifest = JsonFiles.read(dir.resolve(Manifest.FILE), Manifest.class);
			Summary summary = JsonFiles.read(dir.resolve(OutputFolder.SUMMARY), Summary.class);
			long rejected = summary.inputs().rejected() + summary.proposals().rejected();
			List<String> files = new ArrayList<>(manifest.outputs().stream().map(Manifest.FileEntry::file).toList());
			files.add(Manifest.FILE);
			return "; " + dir + " holds " + files.size() + " files as of " + manifest.parameters().asOf() + " ("
					+ String.join(", ", files) + "); " + rejected + " rows rejected"
					+ ((rejected > 0) ? ", listed in " + dir.resolve(OutputFolder.REJECTS) : "");
		}
		catch (Exception ex) {
			return "";
		}
	}

}
