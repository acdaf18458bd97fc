package org.unccd.cst.schedule;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.CstReportsApplication;
import org.unccd.cst.PdfArchiveCheck;
import org.unccd.cst.TestInputs;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.service.ExitCode;
import org.unccd.cst.service.ReportService;
import org.unccd.cst.service.RunListener;
import org.unccd.cst.service.RunOutcome;
import org.unccd.cst.service.RunRequest;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.publish.OutputLock;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The schedule on a fake clock: when it runs, with which as-of date, what it skips and
 * what it catches up, without waiting.
 */
class NightlyScheduleTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	@TempDir
	Path dir;

	/** A launch seen by the fake launcher: when, and as of which day. */
	record Launched(ZonedDateTime at, LocalDate day) {

		String asOf() {
			return "--as-of=" + this.day;
		}

	}

	/** A schedule on a fake clock that runs from {@code start} until {@code end}. */
	final class Harness {

		final FakeClock clock;

		final ZonedDateTime end;

		final List<Duration> naps = new ArrayList<>();

		final List<Launched> launched = new ArrayList<>();

		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		final ByteArrayOutputStream err = new ByteArrayOutputStream();

		/** Clock jumps that happen during a nap, as when the machine sleeps. */
		final List<Duration> jumps = new ArrayList<>();

		Harness(String start, String end) {
			this.clock = new FakeClock(ZonedDateTime.parse(start).toInstant(), ZONE);
			this.end = ZonedDateTime.parse(end);
		}

		/** Runs the schedule; each launch runs {@code launch} and gives its exit code. */
		int run(Function<LocalDate, Integer> launch) throws Exception {
			AtomicReference<NightlySchedule> schedule = new AtomicReference<>();
			NightlySchedule.Sleeper sleeper = (duration) -> {
				this.naps.add(duration);
				assertThat(duration).isPositive().isLessThanOrEqualTo(NightlySchedule.MAX_NAP);
				if (!this.clock.instant().plus(duration).isBefore(this.end.toInstant())) {
					schedule.get().stop();
					throw new InterruptedException();
				}
				this.clock.advance(duration);
				if (!this.jumps.isEmpty()) {
					this.clock.advance(this.jumps.remove(0));
				}
			};
			NightlySchedule.Launch recorder = (asOf) -> {
				this.launched.add(new Launched(ZonedDateTime.now(this.clock.withZone(ZONE)), asOf));
				return outcome(launch.apply(asOf), asOf);
			};
			schedule.set(new NightlySchedule(settings("0 0 2 * * *"), this.clock, sleeper, recorder, output(), () -> {
			}, new PrintStream(this.out, true, StandardCharsets.UTF_8),
					new PrintStream(this.err, true, StandardCharsets.UTF_8)));
			return schedule.get().run();
		}

		String out() {
			return this.out.toString(StandardCharsets.UTF_8);
		}

		String err() {
			return this.err.toString(StandardCharsets.UTF_8);
		}

		List<ZonedDateTime> times() {
			return this.launched.stream().map(Launched::at).toList();
		}

		List<String> asOfs() {
			return this.launched.stream().map(Launched::asOf).toList();
		}

	}

	Path input() {
		return this.dir.resolve("in");
	}

	Path output() {
		return this.dir.resolve("out");
	}

	/** The outcome of a fake run: its code, and the published set the run left. */
	RunOutcome outcome(int code, LocalDate asOf) {
		return new RunOutcome(ExitCode.of(code), asOf, output().resolve("T1"), false);
	}

	RunRequest request() {
		return new RunRequest(input(), output(), null, List.of("en"), 1000, false, false, null);
	}

	static RunListener listener(PrintStream out) {
		return new RunListener() {

			@Override
			public void info(String line) {
				out.println(line);
			}

			@Override
			public void problem(String line) {
				System.err.println(line);
			}

		};
	}

	static ScheduleSettings settings(String cron) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					java.util.Map.of(ScheduleSettings.CRON, cron, ScheduleSettings.ZONE, ZONE.getId())));
		return ScheduleSettings.from(environment);
	}

	@Test
	void waitsForTheNextTimeAndRunsAsOfItsDay() throws Exception {
		Harness harness = new Harness("2021-04-29T15:30:00+02:00[Europe/Paris]", "2021-05-01T12:00:00+02:00");
		assertThat(harness.run((asOf) -> 0)).isEqualTo(0);
		assertThat(harness.times()).containsExactly(ZonedDateTime.parse("2021-04-30T02:00:00+02:00[Europe/Paris]"),
				ZonedDateTime.parse("2021-05-01T02:00:00+02:00[Europe/Paris]"));
		assertThat(harness.launched.get(0).day()).isEqualTo(LocalDate.of(2021, 4, 30));
		assertThat(harness.asOfs()).containsExactly("--as-of=2021-04-30", "--as-of=2021-05-01");
		// from 15:30 to 02:00 in naps of at most a minute
		Duration first = Duration.ZERO;
		for (int i = 0; first.compareTo(Duration.ofMinutes(630)) < 0; i++) {
			first = first.plus(harness.naps.get(i));
		}
		assertThat(first).isEqualTo(Duration.ofMinutes(630));
		assertThat(harness.out()).contains("first start", "next run at 2021-04-30 02:00:00 +02:00",
				"run due at 2021-04-30 02:00:00 +02:00 starts, as of 2021-04-30", "exit 0, success",
				"next run at 2021-05-01 02:00:00 +02:00", "stop requested", "schedule: stopped");
		assertThat(harness.out()).doesNotContain("catching up", "skipped");
		ScheduleState state = ScheduleState.read(NightlySchedule.stateFile(output()));
		assertThat(ZonedDateTime.parse(state.lastTime()).toInstant())
			.isEqualTo(ZonedDateTime.parse("2021-05-01T02:00:00+02:00").toInstant());
		assertThat(state.lastAsOf()).isEqualTo("2021-05-01");
		assertThat(state.lastExitCode()).isEqualTo(0);
	}

	@Test
	void runsEveryNightAcrossDaylightSavingChanges() throws Exception {
		Harness spring = new Harness("2021-03-27T12:00:00+01:00[Europe/Paris]", "2021-03-29T12:00:00+02:00");
		spring.run((asOf) -> 0);
		// 02:00 does not exist on 28 March 2021 in Paris: the run comes right after the
		// jump
		assertThat(spring.times()).containsExactly(ZonedDateTime.parse("2021-03-28T03:00:00+02:00[Europe/Paris]"),
				ZonedDateTime.parse("2021-03-29T02:00:00+02:00[Europe/Paris]"));
		assertThat(spring.asOfs()).containsExactly("--as-of=2021-03-28", "--as-of=2021-03-29");
		Files.delete(NightlySchedule.stateFile(output()));
		Harness autumn = new Harness("2021-10-30T12:00:00+02:00[Europe/Paris]", "2021-11-01T12:00:00+01:00");
		autumn.run((asOf) -> 0);
		// 02:00 comes twice on 31 October 2021: one run
		assertThat(autumn.times()).containsExactly(ZonedDateTime.parse("2021-10-31T02:00:00+02:00[Europe/Paris]"),
				ZonedDateTime.parse("2021-11-01T02:00:00+01:00[Europe/Paris]"));
	}

	@Test
	void skipsATimeThatComesWhileARunIsStillGoing() throws Exception {
		Harness harness = new Harness("2021-04-29T15:30:00+02:00[Europe/Paris]", "2021-05-02T12:00:00+02:00");
		harness.run((asOf) -> {
			if (harness.launched.size() == 1) {
				// the first run lasts 25 hours
				harness.clock.advance(Duration.ofHours(25));
			}
			return 3;
		});
		assertThat(harness.times()).containsExactly(ZonedDateTime.parse("2021-04-30T02:00:00+02:00[Europe/Paris]"),
				ZonedDateTime.parse("2021-05-02T02:00:00+02:00[Europe/Paris]"));
		assertThat(harness.asOfs()).containsExactly("--as-of=2021-04-30", "--as-of=2021-05-02");
		assertThat(harness.out()).contains("ended in 1500 min 0 s: exit 3, success, some rows were rejected",
				"skipped the run due at 2021-05-01 02:00:00 +02:00: the run due at 2021-04-30 02:00:00 +02:00 "
						+ "was still going",
				"next run at 2021-05-02 02:00:00 +02:00");
		assertThat(harness.out()).doesNotContain("catching up");
	}

	@Test
	void catchesUpOnceAfterAGapOfSeveralDays() throws Exception {
		Files.createDirectories(NightlySchedule.stateFile(output()).getParent());
		new ScheduleState("0 0 2 * * *", ZONE.getId(), "2021-04-20T02:00:00+02:00[Europe/Paris]", null, null, null,
				null, null)
			.write(NightlySchedule.stateFile(output()));
		Harness harness = new Harness("2021-04-25T09:00:00+02:00[Europe/Paris]", "2021-04-26T12:00:00+02:00");
		harness.run((asOf) -> 0);
		// five times passed while the process was not running: one run at once, as of the
		// latest
		assertThat(harness.times()).containsExactly(ZonedDateTime.parse("2021-04-25T09:00:00+02:00[Europe/Paris]"),
				ZonedDateTime.parse("2021-04-26T02:00:00+02:00[Europe/Paris]"));
		assertThat(harness.asOfs()).containsExactly("--as-of=2021-04-25", "--as-of=2021-04-26");
		assertThat(harness.out()).contains("the runs due from 2021-04-21 02:00:00 +02:00 to 2021-04-25 02:00:00 +02:00 "
				+ "did not happen (the process was not running, or the machine was off or asleep): catching up once now");
		assertThat(harness.out()).doesNotContain("first start");
	}

	@Test
	void catchesUpOnceWhenTheMachineWakesFromALongSleep() throws Exception {
		Harness harness = new Harness("2021-04-29T23:00:00+02:00[Europe/Paris]", "2021-05-04T12:00:00+02:00");
		// during the first nap the machine sleeps for three days
		harness.jumps.add(Duration.ofDays(3));
		harness.run((asOf) -> 0);
		assertThat(harness.times()).containsExactly(ZonedDateTime.parse("2021-05-02T23:01:00+02:00[Europe/Paris]"),
				ZonedDateTime.parse("2021-05-03T02:00:00+02:00[Europe/Paris]"),
				ZonedDateTime.parse("2021-05-04T02:00:00+02:00[Europe/Paris]"));
		assertThat(harness.asOfs()).containsExactly("--as-of=2021-05-02", "--as-of=2021-05-03", "--as-of=2021-05-04");
		assertThat(harness.out())
			.contains("the runs due from 2021-04-30 02:00:00 +02:00 to 2021-05-02 02:00:00 +02:00 " + "did not happen");
	}

	@Test
	void aRunStoppedByAStopRequestIsRunAgainAtTheNextStart() throws Exception {
		Harness harness = new Harness("2021-04-29T15:30:00+02:00[Europe/Paris]", "2021-05-01T12:00:00+02:00");
		AtomicReference<NightlySchedule> schedule = new AtomicReference<>();
		List<String> stopped = new ArrayList<>();
		NightlySchedule.Sleeper sleeper = (duration) -> harness.clock.advance(duration);
		NightlySchedule.Launch launch = (asOf) -> {
			// SIGTERM arrives during the run
			schedule.get().stop();
			return outcome(1, asOf);
		};
		schedule.set(new NightlySchedule(settings("0 0 2 * * *"), harness.clock, sleeper, launch, output(),
				() -> stopped.add("stop"), new PrintStream(harness.out, true, StandardCharsets.UTF_8),
				new PrintStream(harness.err, true, StandardCharsets.UTF_8)));
		assertThat(schedule.get().run()).isEqualTo(0);
		assertThat(stopped).containsExactly("stop");
		assertThat(harness.out()).contains("the run in progress ends with the process", "schedule: stopped");
		assertThat(harness.err())
			.contains("exit 1, failed: nothing was published, the previous set is unchanged " + "(stopped)");
		// the time was not counted as done: the next start runs it again, at once
		Harness next = new Harness("2021-04-30T04:00:00+02:00[Europe/Paris]", "2021-04-30T12:00:00+02:00");
		next.run((asOf) -> 0);
		assertThat(next.times()).containsExactly(ZonedDateTime.parse("2021-04-30T04:00:00+02:00[Europe/Paris]"));
		assertThat(next.asOfs()).containsExactly("--as-of=2021-04-30");
		assertThat(next.out()).contains("the run due at 2021-04-30 02:00:00 +02:00 did not happen");
	}

	@Test
	void realRunsPublishAsOfTheDayOfTheirTime() throws Exception {
		TestInputs.write(input());
		ByteArrayOutputStream runOut = new ByteArrayOutputStream();
		ReportService service = new ReportService(CstReportsApplication.class, Map.of());
		RunListener listener = listener(new PrintStream(runOut, true, StandardCharsets.UTF_8));
		List<String> published = new ArrayList<>();
		Harness harness = new Harness("2021-04-29T20:00:00+02:00[Europe/Paris]", "2021-05-01T12:00:00+02:00");
		harness.run((asOf) -> {
			int code = service.run(request().asOf(asOf), listener).exitCode().code();
			if (code == 3) {
				PdfArchiveCheck.assertAllConform(output());
				published.add(JsonFiles.read(output().resolve("T1/manifest.json"), Manifest.class)
					.parameters()
					.asOf()
					.toString());
			}
			return code;
		});
		assertThat(published).containsExactly("2021-04-30", "2021-05-01");
		assertThat(harness.out()).contains("exit 3, success, some rows were rejected; " + output().resolve("T1")
				+ " holds 6 files as of 2021-04-30 (T1.en.xlsx, alpha.en.pdf, beta.en.pdf, rejects.csv, "
				+ "summary.json, manifest.json); 4 rows rejected, listed in " + output().resolve("T1/rejects.csv"));
		assertThat(runOut.toString(StandardCharsets.UTF_8)).contains("Published " + output().resolve("T1"));
		assertThat(ScheduleState.read(NightlySchedule.stateFile(output())).lastExitCode()).isEqualTo(3);
	}

	@Test
	void aBusyOutputFolderSkipsTheRunAndSaysSo() throws Exception {
		TestInputs.write(input());
		ReportService service = new ReportService(CstReportsApplication.class, Map.of());
		Optional<OutputLock> held = OutputLock.tryAcquire(output());
		assertThat(held).isPresent();
		Harness harness = new Harness("2021-04-29T20:00:00+02:00[Europe/Paris]", "2021-04-30T12:00:00+02:00");
		try (OutputLock lock = held.get()) {
			harness.run((asOf) -> service.run(request().asOf(asOf), listener(System.out)).exitCode().code());
		}
		assertThat(harness.times()).hasSize(1);
		assertThat(harness.err()).contains("exit 4, skipped: the output folder is busy (another run holds it)");
		assertThat(output().resolve("T1")).doesNotExist();
	}

	@Test
	void badSettingsSayWhatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("0 0 25 * * *"))
			.withMessageStartingWith("cst.schedule.cron=\"0 0 25 * * *\" is not a cron expression");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", java.util.Map.of(ScheduleSettings.ZONE, "Mars/Olympus")));
		assertThatIllegalArgumentException().isThrownBy(() -> ScheduleSettings.from(environment))
			.withMessageStartingWith("cst.schedule.zone=\"Mars/Olympus\" is not a time zone");
		assertThat(ScheduleSettings.from(new StandardEnvironment()).expression()).isEqualTo("0 0 2 * * *");
	}

}
