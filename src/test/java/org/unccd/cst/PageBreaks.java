package org.unccd.cst;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * The page breaks of a tagged report read back with PDFBox, as an editor checks them,
 * through the structure tree (which block a line belongs to) and where each block's lines
 * stand on its pages:
 * <ul>
 * <li>a heading (H2) never ends a page: the block after it starts on its page, with at
 * least two lines there or all of it;</li>
 * <li>a caption stands on the page where its table or figure starts;</li>
 * <li>a paragraph or list item split across pages has at least two lines on each
 * page;</li>
 * <li>a table split across pages has at least two body rows on each page, and a table of
 * fewer than four body rows is not split;</li>
 * <li>a figure never passes a heading: its caption stands, in page order, before the
 * heading that follows the figure in reading order (the structure tree), so that a figure
 * floated to the next page stays in the section of its lead-in paragraph;</li>
 * <li>no page but the last is more than 40 % empty below its text when the next page
 * starts with text (a paragraph, an item or a heading) that could have filled it, or with
 * a floated figure that text after it could have followed (a page may end emptier only
 * before a figure that a heading follows, which keeps it in its section), and no
 * paragraph of four lines or more moves whole to the next page from a page with room for
 * its first two.</li>
 * </ul>
 */
public final class PageBreaks {

	/**
	 * The page's body, from the top: the report's margins (A4, 80 points above, 72
	 * below).
	 */
	private static final float TOP = 80;

	private static final float BOTTOM = 842 - 72;

	private static final float MOSTLY_EMPTY = 0.4f;

	/** The room of a paragraph's first two lines and the space above them, and some. */
	private static final float ROOM_FOR_TWO_LINES = 50;

	/**
	 * One structure element that marks content: its type, its parent's, and its lines.
	 */
	private record Block(String type, PDStructureElement element, PDStructureElement parent,
			Map<Integer, List<Float>> lines) {

		int firstPage() {
			return this.lines.keySet().stream().min(Integer::compare).orElse(-1);
		}

		int lastPage() {
			return this.lines.keySet().stream().max(Integer::compare).orElse(-1);
		}

		int linesOn(int page) {
			return this.lines.getOrDefault(page, List.of()).size();
		}

		int allLines() {
			return this.lines.values().stream().mapToInt(List::size).sum();
		}

		boolean text() {
			return this.type.equals("P") || this.type.equals("LBody") || this.type.equals("H2");
		}

	}

	private PageBreaks() {
	}

	/** What is wrong with the page breaks of a PDF; empty when nothing. */
	public static List<String> problems(Path pdf) throws IOException {
		List<String> problems = new ArrayList<>();
		String name = pdf.getFileName().toString();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			int pages = document.getNumberOfPages();
			// the baselines of the text of each marked content, page by page, and the
			// order of the marked contents on each page
			Map<PDPage, Integer> numbers = new HashMap<>();
			Map<Integer, Map<Integer, List<Float>>> baselines = new HashMap<>();
			Map<Integer, List<Integer>> order = new HashMap<>();
			for (int i = 0; i < pages; i++) {
				PDPage page = document.getPage(i);
				numbers.put(page, i + 1);
				PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
				extractor.processPage(page);
				Map<Integer, List<Float>> byId = new HashMap<>();
				List<Integer> ids = new ArrayList<>();
				for (PDMarkedContent content : extractor.getMarkedContents()) {
					if (content.getMCID() >= 0) {
						List<Float> ys = new ArrayList<>();
						positions(content, ys);
						byId.computeIfAbsent(content.getMCID(), (k) -> new ArrayList<>()).addAll(ys);
						ids.add(content.getMCID());
					}
				}
				baselines.put(i + 1, byId);
				order.put(i + 1, ids);
			}
			List<Block> blocks = new ArrayList<>();
			Map<String, Block> byContent = new HashMap<>();
			PDStructureTreeRoot tree = document.getDocumentCatalog().getStructureTreeRoot();
			if (tree == null) {
				return List.of(name + ": not tagged");
			}
			for (Object kid : tree.getKids()) {
				if (kid instanceof PDStructureElement element) {
					walk(element, null, numbers, baselines, blocks, byContent);
				}
			}
			headingsAndCaptions(name, blocks, problems);
			splitParagraphs(name, blocks, problems);
			splitTables(name, blocks, problems);
			figuresBeforeHeadings(name, blocks, problems);
			emptyPages(name, pages, blocks, order, byContent, problems);
		}
		return problems;
	}

	private static void walk(PDStructureElement element, PDStructureElement parent, Map<PDPage, Integer> numbers,
			Map<Integer, Map<Integer, List<Float>>> baselines, List<Block> blocks, Map<String, Block> byContent) {
		Map<Integer, List<Float>> ys = new TreeMap<>();
		List<String> contents = new ArrayList<>();
		List<PDStructureElement> children = new ArrayList<>();
		for (Object kid : element.getKids()) {
			if (kid instanceof PDStructureElement child) {
				children.add(child);
			}
			else {
				PDPage page = element.getPage();
				int mcid = -1;
				if (kid instanceof Integer id) {
					mcid = id;
				}
				else if (kid instanceof PDMarkedContentReference reference) {
					mcid = reference.getMCID();
					page = (reference.getPage() != null) ? reference.getPage() : page;
				}
				Integer number = numbers.get(page);
				if (mcid >= 0 && number != null) {
					ys.computeIfAbsent(number, (k) -> new ArrayList<>())
						.addAll(baselines.get(number).getOrDefault(mcid, List.of()));
					contents.add(number + "/" + mcid);
				}
			}
		}
		boolean marks = !contents.isEmpty();
		Block block = null;
		if (marks && !element.getStructureType().equals("Reference")) {
			Map<Integer, List<Float>> lines = new LinkedHashMap<>();
			ys.forEach((page, list) -> {
				if (!list.isEmpty()) {
					lines.put(page, lines(list));
				}
			});
			block = new Block(element.getStructureType(), element, parent, lines);
			blocks.add(block);
		}
		for (String content : contents) {
			if (block != null) {
				byContent.put(content, block);
			}
		}
		for (PDStructureElement child : children) {
			walk(child, element, numbers, baselines, blocks, byContent);
		}
	}

	/**
	 * The lines of a block on a page: its baselines, a raised mark counted with its line.
	 */
	private static List<Float> lines(List<Float> baselines) {
		List<Float> sorted = new ArrayList<>(baselines);
		sorted.sort(Float::compare);
		List<Float> lines = new ArrayList<>();
		for (float y : sorted) {
			if (lines.isEmpty() || y - lines.get(lines.size() - 1) > 5) {
				lines.add(y);
			}
			else {
				lines.set(lines.size() - 1, y);
			}
		}
		return lines;
	}

	private static void positions(PDMarkedContent content, List<Float> ys) {
		for (Object item : content.getContents()) {
			if (item instanceof TextPosition position) {
				if (!position.getUnicode().isBlank()) {
					ys.add(position.getYDirAdj());
				}
			}
			else if (item instanceof PDMarkedContent inner) {
				positions(inner, ys);
			}
		}
	}

	private static void headingsAndCaptions(String name, List<Block> blocks, List<String> problems) {
		for (int i = 0; i + 1 < blocks.size(); i++) {
			Block block = blocks.get(i);
			Block next = blocks.get(i + 1);
			if (block.lines().isEmpty() || next.lines().isEmpty()) {
				continue;
			}
			int page = block.lastPage();
			boolean heading = block.type().equals("H2");
			boolean caption = block.type().equals("Caption") || next.type().equals("Figure");
			if ((heading || caption) && next.firstPage() != page) {
				problems.add(name + " page " + page + ": " + (heading ? "a heading" : "a caption")
						+ " ends the page, apart from what it introduces");
			}
			else if (heading && next.text() && next.linesOn(page) < Math.min(2, next.allLines())) {
				problems.add(name + " page " + page + ": a heading with a single line of what follows it");
			}
		}
	}

	private static void splitParagraphs(String name, List<Block> blocks, List<String> problems) {
		for (Block block : blocks) {
			if (!(block.type().equals("P") || block.type().equals("LBody")) || block.lines().size() < 2) {
				continue;
			}
			for (Map.Entry<Integer, List<Float>> part : block.lines().entrySet()) {
				if (part.getValue().size() < 2) {
					problems.add(name + " page " + part.getKey() + ": a single line of a " + block.type()
							+ " split across pages");
				}
			}
		}
	}

	private static void splitTables(String name, List<Block> blocks, List<String> problems) {
		// the body rows of each table, by the page of their first cell
		Map<COSBase, Map<COSBase, Integer>> tables = new LinkedHashMap<>();
		for (Block block : blocks) {
			if (!block.type().equals("TD")
					&& !(block.parent() != null && block.parent().getStructureType().equals("TD"))
					|| block.lines().isEmpty()) {
				continue;
			}
			PDStructureElement row = block.type().equals("TD") ? block.parent() : parent(block.parent());
			PDStructureElement table = parent(row);
			if (row == null || table == null || !"Table".equals(table.getStructureType())) {
				continue;
			}
			// PDFBox makes a new object for an element each time it is asked: its
			// dictionary is what stays the same
			tables.computeIfAbsent(table.getCOSObject(), (k) -> new LinkedHashMap<>())
				.putIfAbsent(row.getCOSObject(), block.firstPage());
		}
		for (Map<COSBase, Integer> rows : tables.values()) {
			Map<Integer, Integer> perPage = new TreeMap<>();
			rows.values().forEach((page) -> perPage.merge(page, 1, Integer::sum));
			if (perPage.size() < 2) {
				continue;
			}
			if (rows.size() < 4) {
				problems.add(name + " page " + perPage.keySet().iterator().next() + ": a table of " + rows.size()
						+ " body rows split across pages");
				continue;
			}
			perPage.forEach((page, count) -> {
				if (count < 2) {
					problems.add(name + " page " + page + ": a single body row of a table on the page");
				}
			});
		}
	}

	private static void figuresBeforeHeadings(String name, List<Block> blocks, List<String> problems) {
		for (int i = 1; i < blocks.size(); i++) {
			if (!blocks.get(i).type().equals("Figure")) {
				continue;
			}
			// the caption, with the figure's first text line, stands for the figure
			Block caption = blocks.get(i - 1);
			Block heading = null;
			for (int j = i + 1; j < blocks.size() && heading == null; j++) {
				if (blocks.get(j).type().equals("H2") && !blocks.get(j).lines().isEmpty()) {
					heading = blocks.get(j);
				}
			}
			if (heading == null || caption.lines().isEmpty()) {
				continue;
			}
			int figurePage = caption.firstPage();
			int headingPage = heading.firstPage();
			float figureTop = caption.lines().get(figurePage).get(0);
			float headingTop = heading.lines().get(headingPage).get(0);
			if (figurePage > headingPage || (figurePage == headingPage && figureTop > headingTop)) {
				problems.add(name + " page " + figurePage + ": a figure stands after the heading of the next section"
						+ " (page " + headingPage + ")");
			}
		}
	}

	/** The block after a figure's caption and figure in reading order, or null. */
	private static Block afterFigure(List<Block> blocks, Block caption) {
		int at = blocks.indexOf(caption);
		for (int j = at + 2; j < blocks.size(); j++) {
			Block block = blocks.get(j);
			if (!block.type().equals("Figure") && !block.lines().isEmpty()) {
				return block;
			}
		}
		return null;
	}

	private static PDStructureElement parent(PDStructureElement element) {
		return (element != null && element.getParent() instanceof PDStructureElement parent) ? parent : null;
	}

	private static void emptyPages(String name, int pages, List<Block> blocks, Map<Integer, List<Integer>> order,
			Map<String, Block> byContent, List<String> problems) {
		// the cover and the contents are pages of their own
		for (int page = 3; page < pages; page++) {
			float lowest = TOP;
			float foot = BOTTOM;
			for (Block block : blocks) {
				List<Float> lines = block.lines().get(page);
				if (lines == null || lines.isEmpty()) {
					continue;
				}
				if (block.type().equals("Note")) {
					foot = Math.min(foot, lines.get(0) - 20);
				}
				else {
					lowest = Math.max(lowest, lines.get(lines.size() - 1));
				}
			}
			Block first = null;
			for (int mcid : order.getOrDefault(page + 1, List.of())) {
				first = byContent.get((page + 1) + "/" + mcid);
				if (first != null) {
					break;
				}
			}
			float empty = (foot - lowest) / (BOTTOM - TOP);
			if (first != null && !first.type().equals("H2") && first.text() && first.firstPage() == page + 1
					&& first.allLines() >= 4 && foot - lowest > ROOM_FOR_TWO_LINES) {
				problems.add(name + " page " + page + ": a " + first.type() + " of " + first.allLines()
						+ " lines moved whole to the next page, leaving room for its first lines");
			}
			// a figure floated to the next page that a heading follows keeps this page's
			// space at the end of its section
			boolean sectionEnd = false;
			int at = blocks.indexOf(first);
			if (first != null && at + 1 < blocks.size() && blocks.get(at + 1).type().equals("Figure")) {
				Block after = afterFigure(blocks, first);
				sectionEnd = after != null && after.type().equals("H2");
			}
			if (first != null && first.text() && empty > MOSTLY_EMPTY && !sectionEnd) {
				problems.add(name + " page " + page + ": " + Math.round(empty * 100)
						+ " % of the page is left empty while the next page starts with text");
			}
		}
	}

}
