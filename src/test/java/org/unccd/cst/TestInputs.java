package org.unccd.cst;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small input folder written by the tests, whose figures at 2021-04-30 are worked out
 * by hand from the contract's rules (see the comments beside each file).
 */
public final class TestInputs {

	public static final String AS_OF = "2021-04-30";

	private TestInputs() {
	}

	public static Path write(Path dir) throws IOException {
		Files.createDirectories(dir.resolve("progress"));
		Files.writeString(dir.resolve("programme.yaml"), """
				session: T1
				title: {en: Test session, zh: 测试会议}
				source: TEST/1
				currency: EUR
				reports:
				  - {id: alpha, symbol: TEST/ALPHA, title: {en: Report on alpha, zh: 阿尔法报告}, covers: [A]}
				  - {id: beta, title: Report on beta, covers: [B]}
				workItems:
				  - code: A
				    kind: objective
				    title: Alpha objective
				    children:
				      - code: A.1
				        title: {en: Alpha one, zh: 阿尔法一}
				        outcomes:
				          - {code: A.1-x, title: First deliverable, due: 2021-03-31, weight: 3}
				          - {code: A.1-y, title: Second deliverable}
				  - code: B
				    kind: coordination
				    title: Beta cooperation
				    outcomes:
				      - {code: B-x, title: Joint paper, due: 2021-12-31}
				budget:
				  lines:
				    - {code: L1, title: Work, source: extrabudgetary, amount: 80000}
				    - {code: L2, title: Meetings, source: core, amount: 20000}
				  funding:
				    - {title: Core, source: core, amount: 20000}
				    - {title: Extra, source: extrabudgetary, amount: 30000}
				""");
		// 2 submissions, 3 topics; a.一 is a.i and B is b
		Files.writeString(dir.resolve("proposals.csv"), """
				no,submitter,submitter_type,topic,cluster
				1,Atlantis,party,Soil maps,a.一
				1,Atlantis,party,Drought,B
				2,Panel,stakeholder,"Costs, and benefits",c
				""");
		// A.1-x: delayed at 40 % (status-only update keeps the percent), overdue; A.1-y
		// completed;
		// B-x: only a row after the as-of date; line 6: not a real date
		Files.writeString(dir.resolve("progress/progress.csv"), """
				outcome,date,status,percent,summary,summary_zh\r
				A.1-x,2021-01-10,in_progress,40,Drafting,起草中\r
				A.1-x,2021-02-20,Delayed,,Waiting for data,等待数据\r
				A.1-y,2021-02-01,completed,,Done,完成\r
				B-x,2021-05-01,in progress,10,Started,\r
				A.1-x,2021-13-01,in_progress,50,Bad date,\r
				""");
		// X-1 rounds half-even to 1234.56; X-2 is 1000 USD at 0.85 = 850.00; X-4 has no
		// GBP rate;
		// line 6 repeats X-1
		Files.writeString(dir.resolve("progress/expenditures.csv"), """
				date,budget_line,work_item,amount,currency,reference,description
				2021-01-15,L1,A.1,1234.565,,X-1,"Consultant, first draft"
				2021-02-15,L1,A.1,1000,USD,X-2,Travel
				2021-03-01,L2,,5000,EUR,X-3,=Meeting room
				2021-03-02,L1,B,500,GBP,X-4,No rate for GBP
				2021-03-03,L1,A,100,,X-1,Duplicate
				""");
		// secured = 50000 at adoption + 10000 received; 5000 pledged; F-3 is after the
		// as-of date
		Files.writeString(dir.resolve("progress/funding.csv"), """
				date,source,amount,status,reference,donor
				2021-02-01,extrabudgetary,10000,received,F-1,Donor A
				2021-03-01,extrabudgetary,5000,pledged,F-2,Donor B
				2021-06-01,extrabudgetary,7000,received,F-3,Donor C
				""");
		Files.writeString(dir.resolve("progress/rates.csv"), """
				currency,date,rate
				USD,2021-01-01,0.8
				USD,2021-02-15,0.85
				""");
		// line 3 names a report the programme does not have
		Files.writeString(dir.resolve("progress/recommendations.csv"), """
				report,text,text_zh,addressee,priority
				alpha,Use the deliverable in national plans,在国家计划中使用该成果,COP,1
				gamma,Unknown report,,COP,1
				""");
		Files.writeString(dir.resolve("progress/README.md"), "Not a data file.\n");
		findingsWorkbook(dir.resolve("progress/more.xlsx"));
		return dir;
	}

	/** One finding, in a workbook sheet, its date as a real date cell. */
	private static void findingsWorkbook(Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("not a table");
			Sheet sheet = workbook.createSheet("findings");
			Row header = sheet.createRow(0);
			String[] names = { "outcome", "text", "date", "source_ref" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("A.1-x");
			row.createCell(1).setCellValue("Evidence on soil carbon is strong");
			row.createCell(2).setCellValue(LocalDate.of(2021, 2, 2));
			row.getCell(2).setCellStyle(dateStyle);
			row.createCell(3).setCellValue("Study 7");
			workbook.write(out);
		}
	}

}
