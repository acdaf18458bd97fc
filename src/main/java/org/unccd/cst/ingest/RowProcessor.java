package org.unccd.cst.ingest;

import java.nio.file.Path;

import org.unccd.cst.model.Programme;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * What happens to each record between reading and writing: validation against the
 * programme, conversion of amounts to the programme currency, then decimals brought to
 * the scale of their staging column ({@link StagingSchema#toColumnScale}).
 */
public class RowProcessor implements ItemProcessor<RawRecord, IngestedRow> {

	private final RowValidator validator;

	private final CurrencyConverter converter;

	public RowProcessor(Path inputDir, Programme programme) {
		this(programme, RateTable.load(inputDir, programme));
	}

	/** A processor converting amounts at the given rates. */
	public RowProcessor(Programme programme, RateTable rates) {
		this.validator = new RowValidator(programme);
		this.converter = new CurrencyConverter(programme.currency(), rates);
	}

	@Override
	public IngestedRow process(RawRecord record) {
		return StagingSchema.toColumnScale(this.converter.process(this.validator.process(record)));
	}

}
