package org.unccd.cst.report.xlsx;

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

/**
 * Native bar charts on a sheet of their own, whose series refer to the cells of the data
 * sheets and carry their values as a cache. Every series has an explicit solid fill and
 * outline: LibreOffice does not apply the theme's default colours to such charts.
 */
final class ChartSheet {

	/** A colour per kind of series, the same in every chart. */
	enum Colour {

		PROGRESS(0x00, 0x9E, 0xDB), SECURED(0x2E, 0x7D, 0x32), GAP(0xC6, 0x28, 0x28), AMOUNT(0x90, 0xA4, 0xAE),
		SPENT(0x15, 0x65, 0xC0);

		private final byte[] rgb;

		Colour(int red, int green, int blue) {
			this.rgb = new byte[] { (byte) red, (byte) green, (byte) blue };
		}

		XDDFColor color() {
			return XDDFColor.from(this.rgb.clone());
		}

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

	/** A series: its name, its cells, their values and its colour. */
	record Series(String name, Cells cells, Double[] values, Colour colour) {
	}

	private final XSSFDrawing drawing;

	ChartSheet(SXSSFSheet sheet) {
		// printed on one landscape page
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 1);
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
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		chart.setAutoTitleDeleted(false);
		boolean horizontal = direction == BarDirection.BAR;
		XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(horizontal ? AxisPosition.LEFT : AxisPosition.BOTTOM);
		if (categoryTitle != null) {
			categoryAxis.setTitle(categoryTitle);
		}
		XDDFValueAxis valueAxis = chart.createValueAxis(horizontal ? AxisPosition.BOTTOM : AxisPosition.LEFT);
		valueAxis.setTitle(valueTitle);
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
		valueAxis.setNumberFormat(numberFormat);
		// the axis's own format, not the cells'
		chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
		data.setBarDirection(direction);
		data.setBarGrouping(grouping);
		data.setVaryColors(false);
		if (grouping == BarGrouping.STACKED) {
			// stacked bars overlap fully; the value is written as text, since the lite
			// schemas of poi-ooxml-lite cannot type it
			try (XmlCursor cursor = chart.getCTChart().getPlotArea().getBarChartArray(0).addNewOverlap().newCursor()) {
				cursor.setAttributeText(new QName("val"), "100");
			}
		}
		for (Series s : series) {
			XDDFChartData.Series added = data.addSeries(categories.labels(labels), s.cells().numbers(s.values()));
			added.setTitle(s.name(), null);
			XDDFShapeProperties properties = new XDDFShapeProperties();
			properties.setFillProperties(new XDDFSolidFillProperties(s.colour().color()));
			XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(s.colour().color()));
			properties.setLineProperties(line);
			added.setShapeProperties(properties);
		}
		chart.plot(data);
		if (series.length > 1) {
			chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		}
		return valueAxis;
	}

}
