package org.unccd.cst.report.xlsx;

import java.util.Arrays;
import java.util.List;

import javax.xml.namespace.QName;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFLegendEntry;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDPt;
import org.openxmlformats.schemas.drawingml.x2006.main.CTShapeProperties;

/**
 * Native bar charts on a sheet of their own, whose series refer to the cells of the data
 * sheets and carry their values as a cache. Every series has an explicit solid fill and
 * outline: LibreOffice does not apply the theme's default colours to such charts.
 */
final class ChartSheet {

	/** An RGB colour (as {@code 0xRRGGBB}) as a chart's fill. */
	static XDDFColor colour(int rgb) {
		return XDDFColor.from(new byte[] { (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb });
	}

	/**
	 * A column of cells on a data sheet and the values they hold.
	 *
	 * @param sheet the data sheet's name
	 * @param firstRow the 0-based first row
	 * @param lastRow the 0-based last row
	 * @param column the 0-based column
	 */
	record Cells(String sheet, int firstRow, int lastRow, int column) {

		String reference() {
			return new CellRangeAddress(this.firstRow, this.lastRow, this.column, this.column)
				.formatAsString(this.sheet, true);
		}

		XDDFCategoryDataSource labels(String[] values) {
			return XDDFDataSourcesFactory.fromArray(values, reference());
		}

		XDDFNumericalDataSource<Double> numbers(Double[] values) {
			return XDDFDataSourcesFactory.fromArray(values, reference());
		}

	}

	/**
	 * A series: its name, its cells, their values and its colour ({@code 0xRRGGBB}), and
	 * optionally a colour for each of its bars with what each colour means.
	 */
	record Series(String name, Cells cells, Double[] values, int colour, int[] barColours, List<Key> keys) {

		Series(String name, Cells cells, Double[] values, int colour) {
			this(name, cells, values, colour, null, List.of());
		}

	}

	/** What a colour of the bars means ("completed"), for the legend. */
	record Key(String name, int colour) {
	}

	/** Starts a right-to-left text: its first strong character sets its direction. */
	private static final String RIGHT_TO_LEFT_MARK = "\u200F";

	/** Labels at most on a value axis, so that wide figures do not run together. */
	private static final int VALUE_LABELS = 5;

	private final XSSFDrawing drawing;

	private final boolean rightToLeft;

	private final String sheetName;

	/**
	 * A text of the chart, which in a right-to-left language starts with a right-to-left
	 * mark: a viewer then lays it out from the right, and a label mixing Arabic with
	 * Latin letters or figures ("المبلغ (EUR)") keeps its words in their order and apart.
	 */
	private String text(String text) {
		return this.rightToLeft ? RIGHT_TO_LEFT_MARK + text : text;
	}

	/**
	 * A round step between the value axis's labels that gives at most
	 * {@value #VALUE_LABELS} of them, or 0 when there is no value.
	 */
	static double step(BarGrouping grouping, Series... series) {
		double largest = 0;
		int points = (series.length == 0) ? 0 : series[0].values().length;
		for (int i = 0; i < points; i++) {
			double stack = 0;
			for (Series s : series) {
				Double value = s.values()[i];
				double v = (value != null) ? Math.max(value, 0) : 0;
				stack = (grouping == BarGrouping.STACKED) ? stack + v : Math.max(stack, v);
			}
			largest = Math.max(largest, stack);
		}
		if (largest <= 0) {
			return 0;
		}
		double raw = largest / (VALUE_LABELS - 1);
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double nice : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (nice * magnitude >= raw) {
				return nice * magnitude;
			}
		}
		return 10 * magnitude;
	}

	/** A solid fill and outline of one colour: LibreOffice draws no theme colour. */
	private static XDDFShapeProperties fill(int rgb) {
		XDDFShapeProperties properties = new XDDFShapeProperties();
		properties.setFillProperties(new XDDFSolidFillProperties(colour(rgb)));
		properties.setLineProperties(new XDDFLineProperties(new XDDFSolidFillProperties(colour(rgb))));
		return properties;
	}

	ChartSheet(SXSSFSheet sheet, boolean rightToLeft) {
		this.rightToLeft = rightToLeft;
		this.sheetName = sheet.getSheetName();
		// it prints on one page (PrintLayout)
		sheet.createDrawingPatriarch();
		// the streaming drawing cannot make charts; the sheet's own drawing can
		this.drawing = sheet.getDrawingPatriarch();
	}

	/**
	 * A bar chart anchored over the given cells (0-based, end exclusive).
	 * @param area first column, first row, last column, last row
	 * @param title the chart's title
	 * @param categoryTitle the title of the category axis, or {@code null} for none
	 * @param valueTitle the title of the value axis
	 * @param numberFormat the format of the value axis's labels
	 * @param direction bars or columns
	 * @param grouping clustered or stacked
	 * @param categories the category labels' cells
	 * @param labels the category labels
	 * @param series the series, each with its colour
	 * @return the value axis, to set its scale
	 */
	XDDFValueAxis bars(int[] area, String title, String categoryTitle, String valueTitle, String numberFormat,
			BarDirection direction, BarGrouping grouping, Cells categories, String[] labels, Series... series) {
		XSSFClientAnchor anchor = this.drawing.createAnchor(0, 0, 0, 0, area[0], area[1], area[2], area[3]);
		XSSFChart chart = this.drawing.createChart(anchor);
		chart.setTitleText(text(title));
		chart.setTitleOverlay(false);
		chart.setAutoTitleDeleted(false);
		boolean horizontal = direction == BarDirection.BAR;
		XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(horizontal ? AxisPosition.LEFT : AxisPosition.BOTTOM);
		if (categoryTitle != null) {
			categoryAxis.setTitle(text(categoryTitle));
		}
		XDDFValueAxis valueAxis = chart.createValueAxis(horizontal ? AxisPosition.BOTTOM : AxisPosition.LEFT);
		valueAxis.setTitle(text(valueTitle));
		valueAxis.setMinimum(0);
		// bars sit between the category marks, not cut in half at the ends
		valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
		if (horizontal) {
			// the first category on top, as in the sheet, with the values below
			categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
			valueAxis.setCrosses(AxisCrosses.MAX);
		}
		else {
			valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
		}
		if (this.rightToLeft) {
			// a right-to-left chart reads from the right, as its sheet and the PDF's
			// figures do: the first column at the right with the values' axis beside it,
			// bars growing leftwards from the categories' axis at the right
			if (horizontal) {
				valueAxis.setOrientation(AxisOrientation.MAX_MIN);
			}
			else {
				categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
			}
		}
		valueAxis.setNumberFormat(numberFormat);
		// the axis's own format, not the cells'
		chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
		data.setBarDirection(direction);
		data.setBarGrouping(grouping);
		data.setVaryColors(false);
		// the bars coloured one by one are explained by a legend of their colours: a
		// series for each, without a value, drawn over the bars so that it takes no room
		// beside them
		List<Key> keys = Arrays.stream(series).flatMap((s) -> s.keys().stream()).toList();
		if (grouping == BarGrouping.STACKED || !keys.isEmpty()) {
			// stacked bars, and the keys' empty series, overlap fully; the value is
			// written as text, since the lite schemas of poi-ooxml-lite cannot type it
			try (XmlCursor cursor = chart.getCTChart().getPlotArea().getBarChartArray(0).addNewOverlap().newCursor()) {
				cursor.setAttributeText(new QName("val"), "100");
			}
		}
		int index = 0;
		for (Series s : series) {
			XDDFChartData.Series added = data.addSeries(categories.labels(labels), s.cells().numbers(s.values()));
			added.setTitle(text(s.name()), null);
			added.setShapeProperties(fill(s.colour()));
			if (s.barColours() != null) {
				CTBarSer bar = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(index);
				for (int i = 0; i < s.barColours().length; i++) {
					CTDPt point = bar.addNewDPt();
					point.addNewIdx().setVal(i);
					point.addNewInvertIfNegative().setVal(false);
					point.addNewBubble3D().setVal(false);
					point.setSpPr((CTShapeProperties) fill(s.barColours()[i]).getXmlObject());
				}
			}
			index++;
		}
		for (Key key : keys) {
			// empty cells under the chart itself: LibreOffice leaves out of the legend a
			// series whose values are not cells
			Cells empty = new Cells(this.sheetName, area[1], area[1] + labels.length - 1, area[0]);
			XDDFChartData.Series added = data.addSeries(categories.labels(labels),
					empty.numbers(new Double[labels.length]));
			added.setTitle(text(key.name()), null);
			added.setShapeProperties(fill(key.colour()));
		}
		double step = step(grouping, series);
		if (step > 0) {
			valueAxis.setMajorUnit(step);
		}
		chart.plot(data);
		for (int k = 0; k < keys.size(); k++) {
			// the keys' caches: as many points, each empty, as their cells
			var cache = chart.getCTChart()
				.getPlotArea()
				.getBarChartArray(0)
				.getSerArray(series.length + k)
				.getVal()
				.getNumRef()
				.getNumCache();
			if (!cache.isSetPtCount()) {
				cache.addNewPtCount();
			}
			cache.getPtCount().setVal(labels.length);
		}
		if (series.length > 1 || !keys.isEmpty()) {
			XDDFChartLegend legend = chart.getOrAddLegend();
			legend.setPosition(LegendPosition.BOTTOM);
			for (int i = 0; i < series.length; i++) {
				if (!series[i].keys().isEmpty()) {
					// the keys stand for the coloured series
					XDDFLegendEntry entry = legend.addEntry();
					entry.setIndex(i);
					entry.setDelete(true);
				}
			}
		}
		return valueAxis;
	}

}
