package org.unccd.cst.report.xlsx;

import java.math.BigDecimal;
import java.util.Map;

import org.unccd.cst.aggregate.BudgetRules;
import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Funding;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Programme;
import org.unccd.cst.run.Summary;

/**
 * The Budget sheet: the budget lines as a named table with their execution rates, then
 * the totals, secured, gap and spending as live formulas over those lines (their values
 * stored too), then the sums by funding source.
 */
final class BudgetSheet {

	private final Programme programme;

	private final Summary summary;

	private final Messages messages;

	BudgetSheet(Programme programme, Summary summary, Messages messages) {
		this.programme = programme;
		this.summary = summary;
		this.messages = messages;
	}

	/**
	 * Where the Budget sheet holds what the charts show (1-based rows, as formulas name
	 * them).
	 *
	 * @param first the first budget line
	 * @param last the last budget line
	 * @param total the total budget
	 * @param secured the funding secured
	 * @param gap the budget gap
	 */
	record BudgetRows(int first, int last, int total, int secured, int gap) {
	}

	BudgetRows write(SheetWriter sheet, WorkbookStyles styles) {
		Messages m = this.messages;
		Summary.Budget b = this.summary.budget();
		sheet.widths(30, 45, 16, 16, 16, 12).table("BudgetLines");
		sheet.header(m.get("col.code"), m.get("col.line"), m.get("col.source"), m.get("col.amount"), m.get("col.spent"),
				m.get("col.execution"));
		int first = sheet.rowNumber() + 1;
		Map<String, BudgetLine> lines = new java.util.HashMap<>();
		this.programme.budgetLines().forEach((line) -> lines.put(line.code(), line));
		for (Summary.LineStatus line : b.lines()) {
			sheet.row()
				.text(line.code())
				.longText(lines.get(line.code()).title().in(m.lang()))
				.longText(m.fundingSource(line.source()));
			int r = sheet.rowNumber();
			sheet.money(line.amount())
				.money(line.spent())
				.formula("IF(D" + r + "=0,0,ROUND(E" + r + "/D" + r + "*100,1))", line.executionRate(), styles.percent);
		}
		// the table is the budget lines; the totals below refer to them by cell
		sheet.endTable();
		int last = Math.max(sheet.rowNumber(), first);
		String amounts = "D" + first + ":D" + last;
		String spent = "E" + first + ":E" + last;
		BigDecimal adoption = this.programme.funding()
			.stream()
			.map(Funding::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		sheet.row();
		sheet.row()
			.text(m.get("budget.total"))
			.skip()
			.skip()
			.formula("SUM(" + amounts + ")", b.total(), styles.moneyBold);
		int total = sheet.rowNumber();
		sheet.row().text(m.get("budget.programmeFunding")).skip().skip().money(adoption);
		int adopted = sheet.rowNumber();
		sheet.row().text(m.get("budget.received")).skip().skip().money(b.secured().subtract(adoption));
		int received = sheet.rowNumber();
		sheet.row()
			.text(m.get("budget.secured"))
			.skip()
			.skip()
			.formula("D" + adopted + "+D" + received, b.secured(), styles.moneyBold);
		int secured = sheet.rowNumber();
		sheet.row().text(m.get("budget.pledged")).skip().skip().money(b.pledged());
		int pledged = sheet.rowNumber();
		sheet.row()
			.text(m.get("budget.gap"))
			.skip()
			.skip()
			.formula("MAX(0,D" + total + "-D" + secured + ")", b.gap(), styles.moneyBold);
		int gap = sheet.rowNumber();
		sheet.row()
			.text(m.get("budget.gapAfterPledges"))
			.skip()
			.skip()
			.formula("MAX(0,D" + gap + "-D" + pledged + ")", b.gapAfterPledges(), styles.moneyBold);
		sheet.row()
			.text(m.get("budget.spentTotal"))
			.skip()
			.skip()
			.formula("SUM(" + spent + ")", b.spent(), styles.money);
		int spentRow = sheet.rowNumber();
		sheet.row()
			.text(m.get("budget.executionTotal"))
			.skip()
			.skip()
			.formula("IF(D" + total + "=0,0,ROUND(D" + spentRow + "/D" + total + "*100,1))",
					BudgetRules.executionRate(b.spent(), b.total()), styles.percent);
		sheet.row();
		sheet.row()
			.text(m.get("col.source"))
			.skip()
			.skip()
			.text(m.get("col.amount"))
			.text(m.get("budget.secured"))
			.text(m.get("col.spent"));
		for (Map.Entry<String, Summary.SourceStatus> entry : b.bySource().entrySet()) {
			// the same words as the lines' sources above, which the sums look for
			sheet.row().text(m.fundingSource(entry.getKey())).skip().skip();
			String source = sheet.here().replace("D", "A");
			sheet
				.formula("SUMIF(C" + first + ":C" + last + "," + source + "," + amounts + ")",
						entry.getValue().amount(), styles.money)
				.money(entry.getValue().secured())
				.formula("SUMIF(C" + first + ":C" + last + "," + source + "," + spent + ")", entry.getValue().spent(),
						styles.money);
		}
		sheet.finish();
		return new BudgetRows(first, first + b.lines().size() - 1, total, secured, gap);
	}

}
