package org.unccd.cst.job;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.publish.Manifest;

/**
 * Gets the libraries of the later steps ready on another core while the Spring context
 * starts: the JSON mapper, a small workbook with a chart, the embedded fonts and a small
 * PDF, each made in memory and thrown away. Their classes are then loaded and initialized
 * and their code warm when the steps need them. It shares no state with a run and prints
 * nothing; a failure only means that the steps do that work themselves.
 * <p>
 * The run waits for the warm-up to end before its job starts ({@link #await()},
 * {@link #awaitJson()}), so that no class is ever initialized by two threads from
 * different ends.
 */
public final class WarmUp {

	private static final Duration LIMIT = Duration.ofSeconds(30);

	private static final List<String> FONTS = List.of("fonts/NotoSerif-Regular.ttf", "fonts/NotoSerif-Bold.ttf",
			"fonts/DroidSansFallbackFull.ttf", "fonts/NotoNaskhArabic-Regular.ttf", "fonts/NotoNaskhArabic-Bold.ttf");

	private static volatile WarmUp current;

	private final CountDownLatch json = new CountDownLatch(1);

	private volatile boolean warm;

	private final Thread thread;

	private WarmUp() {
		this.thread = Thread.ofPlatform().name("cst-warm-up").daemon().unstarted(this::run);
	}

	/**
	 * Starts the warm-up on a daemon thread, unless one is under way or has already ended
	 * well in this JVM (the console warms up as it starts; its runs need not again).
	 */
	public static void start() {
		WarmUp earlier = current;
		if (earlier != null && (earlier.warm || earlier.thread.isAlive())) {
			return;
		}
		WarmUp warmUp = new WarmUp();
		current = warmUp;
		warmUp.thread.start();
	}

	/**
	 * Waits until the warm-up in progress, if any, is done with the JSON mapper, which
	 * the first step uses (at most half a minute).
	 */
	public static void awaitJson() {
		WarmUp warmUp = current;
		if (warmUp != null) {
			try {
				warmUp.json.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Waits for the warm-up in progress, if any, to end (at most half a minute). */
	public static void await() {
		WarmUp warmUp = current;
		if (warmUp != null) {
			try {
				warmUp.thread.join(LIMIT);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void run() {
		try {
			try {
				json();
			}
			finally {
				this.json.countDown();
			}
			workbook();
			pdf();
			this.warm = true;
		}
		catch (Throwable ex) {
			// only the run's own work matters; it does whatever is left
		}
	}

	private static void json() throws Exception {
		Path file = Files.createTempFile("cst-reports-warm-up", ".json");
		try {
			JsonFiles.write(file,
					new Manifest("S", "cst-reports",
							new Manifest.Parameters("in", LocalDate.of(2019, 1, 1), List.of("en"), 0), "",
							List.of(new Manifest.FileEntry("a", "0", 1)), List.of()));
			JsonFiles.read(file, Manifest.class);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static void workbook() throws Exception {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, false, false)) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(bold);
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			Sheet data = workbook.createSheet("Data");
			for (int r = 0; r < 4; r++) {
				Row row = data.createRow(r);
				row.createCell(0).setCellValue("Item " + r);
				row.createCell(1).setCellValue(r * 1.5);
				row.getCell(1).setCellStyle(money);
				row.createCell(2).setCellFormula("B" + (r + 1) + "*2");
			}
			data.createFreezePane(0, 1);
			SXSSFSheet charts = workbook.createSheet("Charts");
			charts.createDrawingPatriarch();
			XSSFDrawing drawing = charts.getDrawingPatriarch();
			XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, 0, 8, 16));
			chart.setTitleText("Chart");
			XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
			categories.setTitle("Items");
			XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
			values.setTitle("Values");
			values.setNumberFormat("0.0");
			XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
			bars.setBarDirection(BarDirection.BAR);
			XDDFChartData.Series series = bars.addSeries(
					XDDFDataSourcesFactory.fromArray(new String[] { "a", "b" }, "'Data'!$A$1:$A$2"),
					XDDFDataSourcesFactory.fromArray(new Double[] { 1.0, 2.0 }, "'Data'!$B$1:$B$2"));
			series.setTitle("Series", null);
			XDDFShapeProperties properties = new XDDFShapeProperties();
			properties.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(new byte[] { 0, 0x70, 0 })));
			series.setShapeProperties(properties);
			chart.plot(bars);
			chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
			workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle("Warm-up");
			workbook.write(OutputStream.nullOutputStream());
		}
	}

	private static void pdf() throws Exception {
		BaseFont regular = null;
		for (String resource : FONTS) {
			byte[] bytes;
			try (InputStream in = WarmUp.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					return;
				}
				bytes = in.readAllBytes();
			}
			BaseFont font = BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
					BaseFont.EMBEDDED, BaseFont.NOT_CACHED, bytes, null);
			font.charExists('a');
			if (regular == null) {
				regular = font;
			}
		}
		Document document = new Document(PageSize.A4, 72, 72, 80, 72);
		PdfWriter.getInstance(document, OutputStream.nullOutputStream());
		document.open();
		org.openpdf.text.Font font = new org.openpdf.text.Font(regular, 10.5f);
		document.add(new Paragraph("Warm-up of the report writer, with a table below.", font));
		PdfPTable table = new PdfPTable(3);
		for (int i = 0; i < 9; i++) {
			table.addCell(new PdfPCell(new Paragraph("Cell " + i, font)));
		}
		document.add(table);
		document.close();
	}

}
