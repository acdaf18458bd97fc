package org.unccd.cst.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A long programme made from a seed, to read back what its reports must hold: many
 * outcomes with long titles in the six languages, many budget lines, findings with
 * repeated sources and recommendations to bodies named in several ways, in mixed scripts.
 * The same seed makes the same files.
 *
 * @param outcomes the outcome codes, each with its work item's report
 * @param budgetLines the budget line codes
 * @param findings the findings' English texts
 * @param recommendations the recommendations' English texts
 */
record GeneratedProgramme(List<String> outcomes, List<String> budgetLines, List<String> findings,
		List<String> recommendations) {

	private static final String[] EN = { "Assessment of transformative land degradation neutrality initiatives",
			"Scientific support to the Global Mechanism on the feasibility of projects",
			"Drought preparedness framework with case studies on sand and dust storms",
			"Review of the IPBES land degradation and restoration assessment" };

	private static final String[] FR = { "Évaluation des initiatives transformatrices en faveur de la neutralité",
			"Appui scientifique au Mécanisme mondial concernant la faisabilité",
			"Cadre de préparation à la sécheresse, avec des études de cas", "Examen de l’évaluation de l’IPBES" };

	private static final String[] ES = { "Evaluación de las iniciativas transformadoras de neutralización",
			"Apoyo científico al Mecanismo Mundial sobre la viabilidad de los proyectos",
			"Marco de preparación para la sequía con estudios monográficos",
			"Examen de la evaluación de la IPBES sobre la degradación" };

	private static final String[] RU = { "Оценка преобразовательных инициатив по достижению нейтральности",
			"Научная поддержка Глобальному механизму в отношении осуществимости",
			"Рамочная программа обеспечения готовности к засухе с тематическими исследованиями",
			"Рассмотрение оценки МПБЭУ по деградации и восстановлению земель" };

	private static final String[] ZH = { "关于实现土地退化零增长的变革性举措的评估（2018-2019 年）", "为全球机制提供关于项目可行性的科学支持，包括 SDG 15.3 指标",
			"干旱防备框架，包括关于沙尘暴的案例研究：“IPBES 土地退化评估”", "审查 IPBES 土地退化和恢复评估的关键信息" };

	private static final String[] AR = { "تقييم المبادرات التحويلية لتحييد أثر تدهور الأراضي (2018-2019)",
			"الدعم العلمي للآلية العالمية بشأن جدوى المشاريع، بما في ذلك المؤشر 15.3",
			"إطار التأهب للجفاف مع دراسات حالة عن العواصف الرملية والترابية",
			"استعراض تقييم IPBES لتدهور الأراضي واستصلاحها" };

	private static final String[] ADDRESSEES = { "COP", "Parties", "secretariat", "GM", "Conference of the Parties",
			"CST", "Global Mechanism" };

	/** Writes a programme and its progress data into {@code input}. */
	static GeneratedProgramme write(long seed, Path input) throws IOException {
		Random random = new Random(seed);
		int items = 2 + random.nextInt(3);
		List<String> outcomes = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		List<String> findings = new ArrayList<>();
		List<String> recommendations = new ArrayList<>();
		StringBuilder yaml = new StringBuilder();
		yaml.append("session: GEN").append(seed).append('\n');
		yaml.append(
				"title: {en: \"Committee on Science and Technology, generated session\", fr: \"Comité, session\"}\n");
		yaml.append("source: \"ICCD/GEN/").append(seed).append("\"\ncurrency: EUR\n");
		yaml.append("opens: 2030-01-01\n");
		yaml.append("place: {en: \"Bonn, Germany\", fr: \"Bonn (Allemagne)\"}\n");
		yaml.append("dates: {en: \"1-5 January 2030\"}\n");
		yaml.append("agenda: {item: \"3 (a)\", heading: {en: \"Follow-up of the work programme\"}}\n");
		yaml.append("reports:\n");
		for (int i = 1; i <= items; i++) {
			yaml.append("  - id: rep-").append(i).append('\n');
			yaml.append("    symbol: \"ICCD/GEN/").append(i).append("\"\n");
			yaml.append("    title: {en: \"Synthesis report on objective ")
				.append(i)
				.append(", including policy-oriented recommendations\", ar: \"تقرير توليفي عن الهدف ")
				.append(i)
				.append(" يتضمن توصيات موجهة نحو السياسات\"}\n");
			yaml.append("    covers: [W").append(i).append("]\n");
			yaml.append("    jobNumbers: {en: \"GE.30-0000").append(i).append("\"}\n");
		}
		yaml.append("workItems:\n");
		for (int i = 1; i <= items; i++) {
			yaml.append("  - code: W").append(i).append('\n');
			yaml.append("    kind: objective\n");
			yaml.append("    title: ").append(titles(random)).append('\n');
			yaml.append("    outcomes:\n");
			int count = 8 + random.nextInt(25);
			for (int j = 1; j <= count; j++) {
				String code = "W" + i + "-" + j;
				outcomes.add(code);
				yaml.append("      - code: ").append(code).append('\n');
				yaml.append("        title: ").append(titles(random)).append('\n');
				yaml.append("        due: 2029-").append(String.format("%02d", 1 + random.nextInt(12))).append("-15\n");
			}
		}
		yaml.append("budget:\n  lines:\n");
		int lineCount = 5 + random.nextInt(20);
		for (int k = 1; k <= lineCount; k++) {
			String code = "B" + k;
			lines.add(code);
			yaml.append("    - code: ").append(code).append('\n');
			yaml.append("      title: ").append(titles(random)).append('\n');
			yaml.append("      source: ").append(random.nextBoolean() ? "core" : "extrabudgetary").append('\n');
			yaml.append("      amount: ").append(10_000 + random.nextInt(90_000)).append('\n');
		}
		yaml.append("  funding:\n    - title: Core budget\n      source: core\n      amount: 50000\n");
		Files.createDirectories(input.resolve("progress"));
		Files.writeString(input.resolve("programme.yaml"), yaml);
		StringBuilder progress = new StringBuilder("date,outcome,status,percent,summary\n");
		String[] statuses = { "planned", "in_progress", "completed", "delayed", "cancelled" };
		for (String outcome : outcomes) {
			if (random.nextInt(4) > 0) {
				String status = statuses[random.nextInt(statuses.length)];
				String percent = status.equals("completed") ? "100" : Integer.toString(random.nextInt(100));
				progress.append("2029-03-0")
					.append(1 + random.nextInt(9))
					.append(',')
					.append(outcome)
					.append(',')
					.append(status)
					.append(',')
					.append(percent)
					.append(",\"")
					.append(EN[random.nextInt(EN.length)])
					.append(" reported\"\n");
			}
		}
		Files.writeString(input.resolve("progress/progress.csv"), progress);
		StringBuilder spent = new StringBuilder("date,budget_line,amount,reference\n");
		for (int k = 0; k < 3 * lineCount; k++) {
			spent.append("2029-02-01,")
				.append(lines.get(random.nextInt(lineCount)))
				.append(',')
				.append(100 + random.nextInt(5000))
				.append(".25,EXP-")
				.append(k)
				.append('\n');
		}
		Files.writeString(input.resolve("progress/expenditures.csv"), spent);
		StringBuilder found = new StringBuilder("outcome,text,text_fr,source_ref\n");
		for (int f = 0; f < 6 + random.nextInt(20); f++) {
			String text = "Finding " + f + " of seed " + seed + ": " + EN[random.nextInt(EN.length)]
					+ " shows measurable progress in the countries reviewed";
			findings.add(text);
			found.append(outcomes.get(random.nextInt(outcomes.size())))
				.append(",\"")
				.append(text)
				.append("\",\"")
				.append(random.nextBoolean() ? "Constat " + f + " : " + FR[random.nextInt(FR.length)] : "")
				.append("\",")
				.append("Source document ")
				.append(random.nextInt(3))
				.append('\n');
		}
		Files.writeString(input.resolve("progress/findings.csv"), found);
		StringBuilder recommended = new StringBuilder("report,text,addressee,priority\n");
		for (int r = 0; r < 3 + random.nextInt(12); r++) {
			String text = "Recommendation " + r + " of seed " + seed + ": consider "
					+ EN[random.nextInt(EN.length)].toLowerCase(java.util.Locale.ROOT) + " in national plans";
			recommendations.add(text);
			recommended.append("rep-")
				.append(1 + random.nextInt(items))
				.append(",\"")
				.append(text)
				.append("\",")
				.append(ADDRESSEES[random.nextInt(ADDRESSEES.length)])
				.append(',')
				.append(1 + random.nextInt(3))
				.append('\n');
		}
		Files.writeString(input.resolve("progress/recommendations.csv"), recommended);
		return new GeneratedProgramme(outcomes, lines, findings, recommendations);
	}

	private static String titles(Random random) {
		int i = random.nextInt(EN.length);
		return "{en: \"" + EN[i] + "\", fr: \"" + FR[i] + "\", es: \"" + ES[i] + "\", ru: \"" + RU[i] + "\", zh: \""
				+ ZH[i].replace("\"", "\\\"") + "\", ar: \"" + AR[i] + "\"}";
	}

}
