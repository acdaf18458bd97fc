package org.unccd.cst.ingest;

import java.nio.file.Path;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import org.unccd.cst.run.RunContext;

/**
 * The references of the ingest step's files, met so far, in one {@link ReferenceFilter}
 * that the writers of all its partitions add to: a reference met in two files is a
 * candidate duplicate whichever file is written first. It is made when the step starts,
 * with the references the committed chunks of an earlier execution hold, and let go when
 * the step ends.
 */
public class IngestReferences implements StepExecutionListener {

	private final JdbcTemplate jdbc;

	private volatile ReferenceFilter filter;

	public IngestReferences(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		RunContext run = RunContext.current();
		open(new LedgerFiles(this.jdbc, LedgerFiles.dir(run.parameters().output())), run.parameters().input());
	}

	/** Makes the filter of a step that reads the files of an input folder. */
	void open(LedgerFiles ledger, Path inputDir) {
		this.filter = load(this.jdbc, ledger, inputDir);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		// the filter is large: it goes with the step
		this.filter = null;
		return null;
	}

	/** The filter of the running step. */
	ReferenceFilter filter() {
		ReferenceFilter current = this.filter;
		if (current == null) {
			throw new IllegalStateException("the references are kept while the ingest step runs");
		}
		return current;
	}

	/**
	 * A filter sized for the input folder, holding the references already staged.
	 */
	static ReferenceFilter load(JdbcTemplate jdbc, LedgerFiles ledger, Path inputDir) {
		ReferenceFilter references = ReferenceFilter.forInput(DataFileItemReader.dataBytes(inputDir));
		// after a restart: the references of the committed chunks
		ledger.forEachReference((reference) -> references.add(DataTable.EXPENDITURES, reference));
		jdbc.query("SELECT reference FROM " + DataTable.FUNDING.stagingTable(), (rs) -> {
			references.add(DataTable.FUNDING, rs.getString(1));
		});
		return references;
	}

}
