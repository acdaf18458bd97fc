package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Funding;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.Text;
import org.unccd.cst.model.WorkItem;

/**
 * A small programme built by hand for the ingest tests: objective O1 with sub-item O1.1
 * (outcomes O1.1-a and O1.1-b), report obj-1.1, budget lines B1 and B2, currency EUR.
 */
final class ProgrammeFixture {

	private ProgrammeFixture() {
	}

	static Programme programme() {
		Outcome first = new Outcome("O1.1-a", Text.of("Technical guidance note"), LocalDate.parse("2019-06-30"),
				BigDecimal.ONE, "O1.1");
		Outcome second = new Outcome("O1.1-b", Text.of("Scientific support"), null, BigDecimal.ONE, "O1.1");
		WorkItem child = new WorkItem("O1.1", "objective", Text.of("Advice on LDN"), "O1", List.of(),
				List.of(first, second));
		WorkItem objective = new WorkItem("O1", "objective", Text.of("Guidance for LDN"), null, List.of(child),
				List.of());
		Report report = new Report("obj-1.1", "ICCD/COP(14)/CST/2", Text.of("Synthesis report"), List.of("O1.1"));
		BudgetLine extrabudgetary = new BudgetLine("B1", Text.of("Objectives"), "extrabudgetary",
				new BigDecimal("400000"));
		BudgetLine core = new BudgetLine("B2", Text.of("SPI meetings"), "core", new BigDecimal("115000"));
		Funding funding = new Funding(Text.of("Proposed core budget"), "core", new BigDecimal("115000"));
		return new Programme("CST14", Text.of("CST 14"), "ICCD/COP(13)/CST/7", "EUR", List.of(report),
				List.of(objective), List.of(extrabudgetary, core), List.of(funding));
	}

}
