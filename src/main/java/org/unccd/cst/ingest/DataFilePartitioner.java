package org.unccd.cst.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unccd.cst.run.RunContext;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The partitions of the ingest step: one per data file of {@code progress/}, in read
 * order, each naming its file and the file's index ({@link DataFileItemReader#ofFile}).
 * Spring Batch runs them a few at a time on local threads, and would hand them to remote
 * workers the same way.
 */
public class DataFilePartitioner implements Partitioner {

	/** The execution context's key of the partition's file. */
	public static final String FILE = "file";

	/** The execution context's key of the file's index in read order. */
	public static final String INDEX = "file.index";

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Path input = RunContext.current().parameters().input();
		List<Path> files = DataFileItemReader.entries(input);
		DataFileItemReader.logLeftAside(input, files);
		if (files.size() > DataFileItemReader.MAX_FILES) {
			throw new IllegalStateException("progress/ holds " + files.size() + " data files, more than the "
					+ DataFileItemReader.MAX_FILES + " a run reads: merge some of them");
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int index = 0; index < files.size(); index++) {
			ExecutionContext context = new ExecutionContext();
			context.putString(FILE, files.get(index).toString());
			context.putInt(INDEX, index);
			partitions.put(name(index), context);
		}
		return partitions;
	}

	/** The name of the partition of the file of an index. */
	public static String name(int index) {
		return String.format("file%05d", index);
	}

	/**
	 * The index of the file of a partition's step execution, from its name
	 * ({@code ingestFile:file00003}): a run killed as the step started can leave a
	 * partition whose execution context was not saved yet, and its name says which file
	 * it reads.
	 */
	public static int index(String stepName) {
		return Integer.parseInt(stepName.substring(stepName.lastIndexOf(":file") + ":file".length()));
	}

}
