package org.unccd.cst.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.unccd.cst.run.RunParameters;

/**
 * What a step left in the staging folder, so that a resumed run trusts nothing it has not
 * checked: once a step has finished, every staged file and its folder are forced to disk,
 * and each file's size and SHA-256 are recorded with the step; a resume first checks that
 * the files are still there with those bytes.
 */
public final class StagedFiles implements StepExecutionListener {

	/** The steps that stage files, and so record them. */
	private static final Set<String> STAGING_STEPS = Set.of("aggregate", "writeWorkbooks", "writeReports");

	/** The key of the record in a step's execution context. */
	public static final String KEY = "staged";

	@Override
	public ExitStatus afterStep(StepExecution step) {
		// the step's status is set by now; its exit status only after the listeners
		if (step.getStatus() == BatchStatus.COMPLETED) {
			Path staging = staging(step.getJobExecution());
			step.getExecutionContext().putString(KEY, record(staging.getParent(), files(staging), earlier(step)));
		}
		return null;
	}

	/**
	 * What is wrong with the files the last finished step of an execution staged, from
	 * its {@code steps} read with their execution contexts, in order: the first file that
	 * is missing or no longer has its bytes, or {@code null} when all are as recorded (or
	 * nothing was recorded).
	 */
	public static String damage(JobExecution execution, List<StepExecution> steps) {
		String recorded = null;
		for (StepExecution step : steps) {
			if (step == null || step.getStatus() != BatchStatus.COMPLETED) {
				continue;
			}
			if (step.getExecutionContext().containsKey(KEY)) {
				recorded = step.getExecutionContext().getString(KEY);
			}
			else if (STAGING_STEPS.contains(step.getStepName())) {
				// a kill can lose the record an instant after the step's end was written
				return "the record of the files step " + step.getStepName() + " staged is missing";
			}
		}
		if (recorded == null || recorded.isEmpty()) {
			return null;
		}
		Path staging = staging(execution).getParent();
		for (String line : recorded.split("\n")) {
			// digest, size, time, name
			String[] parts = line.split(" ", 4);
			String name = parts[3];
			Path file = staging.resolve(name);
			try {
				if (!Files.isRegularFile(file)) {
					return "the staged file " + name + " is missing";
				}
				if (Files.size(file) != Long.parseLong(parts[1]) || !FileDigest.sha256(file).equals(parts[0])) {
					return "the staged file " + name + " is damaged";
				}
			}
			catch (IOException ex) {
				return "the staged file " + name + " cannot be read";
			}
		}
		return null;
	}

	/**
	 * How the files about to be published differ from what the staging steps of this
	 * execution recorded as they ended: the first file whose bytes changed, that went
	 * missing or that no step staged, or {@code null} when the set is as staged.
	 * {@code outputs} are the staging folder's files, named within it, as the manifest
	 * lists them; {@code folder} is the staging folder's name.
	 */
	static String unlike(List<StepExecution> steps, String folder, List<Manifest.FileEntry> outputs) {
		String recorded = null;
		for (StepExecution step : steps) {
			if (step.getStatus() == BatchStatus.COMPLETED && step.getExecutionContext().containsKey(KEY)) {
				recorded = step.getExecutionContext().getString(KEY);
			}
		}
		if (recorded == null) {
			// a publication resumed in a later execution: the run checked the staged
			// files against their record when it resumed
			return null;
		}
		Map<String, String[]> staged = new LinkedHashMap<>();
		for (String line : recorded.split("\n")) {
			String[] parts = line.split(" ", 4);
			if (parts.length == 4 && parts[3].startsWith(folder + "/")
					&& parts[3].indexOf('/', folder.length() + 1) < 0) {
				staged.put(parts[3].substring(folder.length() + 1), parts);
			}
		}
		for (Manifest.FileEntry output : outputs) {
			String[] parts = staged.remove(output.file());
			if (parts == null) {
				return "the file " + output.file() + " was not staged by this run";
			}
			if (!parts[0].equals(output.sha256()) || Long.parseLong(parts[1]) != output.size()) {
				return "the staged file " + output.file() + " changed after it was written";
			}
		}
		return staged.isEmpty() ? null : "the staged file " + staged.keySet().iterator().next() + " is missing";
	}

	/** The staging folder of an execution's job instance. */
	private static Path staging(JobExecution execution) {
		return RunParameters.from(execution.getJobParameters()).stagingDir(execution.getJobInstance().getInstanceId());
	}

	/**
	 * The staged files: the instance's folder, and the record of its inputs beside it.
	 */
	private static List<Path> files(Path staging) {
		List<Path> files = new ArrayList<>();
		try {
			if (Files.isDirectory(staging)) {
				try (Stream<Path> walk = Files.walk(staging)) {
					walk.filter(Files::isRegularFile).sorted().forEach(files::add);
				}
			}
			try (Stream<Path> siblings = Files.list(staging.getParent())) {
				siblings
					.filter((f) -> Files.isRegularFile(f)
							&& f.getFileName().toString().startsWith(staging.getFileName() + "."))
					.sorted()
					.forEach(files::add);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the staged files in " + staging, ex);
		}
		return files;
	}

	/**
	 * The record of the step before this one in the same execution, by file name: a file
	 * it recorded that has kept its size and time is neither forced nor hashed again.
	 */
	private static Map<String, String> earlier(StepExecution step) {
		Map<String, String> lines = new LinkedHashMap<>();
		for (StepExecution other : step.getJobExecution().getStepExecutions()) {
			if (other != step && other.getStatus() == BatchStatus.COMPLETED
					&& other.getExecutionContext().containsKey(KEY)) {
				lines.clear();
				for (String line : other.getExecutionContext().getString(KEY).split("\n")) {
					String[] parts = line.split(" ", 4);
					if (parts.length == 4) {
						lines.put(parts[3], line);
					}
				}
			}
		}
		return lines;
	}

	/**
	 * Forces each file and the folders that hold them to disk, and records their size,
	 * time and digest, named from {@code root}.
	 */
	private static String record(Path root, List<Path> files, Map<String, String> earlier) {
		Map<Path, Boolean> folders = new LinkedHashMap<>();
		StringBuilder record = new StringBuilder();
		try {
			for (Path file : files) {
				String name = root.relativize(file).toString();
				long size = Files.size(file);
				long time = Files.getLastModifiedTime(file).toMillis();
				String before = earlier.get(name);
				if (before != null && before.split(" ", 4)[1].equals(Long.toString(size))
						&& before.split(" ", 4)[2].equals(Long.toString(time))) {
					record.append(before).append('\n');
					continue;
				}
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
					channel.force(true);
				}
				folders.put(file.getParent(), true);
				record.append(FileDigest.sha256(file))
					.append(' ')
					.append(size)
					.append(' ')
					.append(time)
					.append(' ')
					.append(name)
					.append('\n');
			}
			for (Path folder : folders.keySet()) {
				try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
					channel.force(true);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot force the staged files to disk", ex);
		}
		return record.toString().strip();
	}

}
