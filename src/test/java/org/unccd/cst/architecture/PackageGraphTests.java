package org.unccd.cst.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages as the data flows through them, from the command line down to the ground
 * floor; each may use only those named below it (docs/architecture.md draws the same
 * plan). A dependency that is not listed here fails the build.
 */
@AnalyzeClasses(packages = "org.unccd.cst", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageGraphTests {

	@ArchTest
	static final ArchRule packagesFormNoCycle = slices().matching("org.unccd.cst.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule packagesUseOnlyThoseBelowThem = layeredArchitecture()
		.consideringOnlyDependenciesInAnyPackage("org.unccd.cst..")
		.layer("application")
		.definedBy("org.unccd.cst")
		.layer("cli")
		.definedBy("org.unccd.cst.cli..")
		.layer("console")
		.definedBy("org.unccd.cst.console..")
		.layer("schedule")
		.definedBy("org.unccd.cst.schedule..")
		.layer("service")
		.definedBy("org.unccd.cst.service..")
		.layer("submission")
		.definedBy("org.unccd.cst.submission..")
		.layer("history")
		.definedBy("org.unccd.cst.history..")
		.layer("distribute")
		.definedBy("org.unccd.cst.distribute..")
		.layer("job")
		.definedBy("org.unccd.cst.job..")
		.layer("display")
		.definedBy("org.unccd.cst.display..")
		.layer("publish")
		.definedBy("org.unccd.cst.publish..")
		.layer("report")
		.definedBy("org.unccd.cst.report..")
		.layer("aggregate")
		.definedBy("org.unccd.cst.aggregate..")
		.layer("ingest")
		.definedBy("org.unccd.cst.ingest..")
		.layer("programme")
		.definedBy("org.unccd.cst.programme..")
		.layer("run")
		.definedBy("org.unccd.cst.run..")
		.layer("model")
		.definedBy("org.unccd.cst.model..")
		.layer("tools")
		.definedBy("org.unccd.cst.tools..")
		.whereLayer("application")
		.mayOnlyAccessLayers("cli")
		.whereLayer("cli")
		.mayOnlyAccessLayers("console", "service", "schedule", "submission", "distribute", "publish", "run", "model")
		.whereLayer("console")
		.mayOnlyAccessLayers("service", "schedule", "submission", "history", "publish", "run", "model")
		.whereLayer("schedule")
		.mayOnlyAccessLayers("service", "publish", "programme", "run", "model")
		.whereLayer("service")
		.mayOnlyAccessLayers("job", "history", "distribute", "publish", "ingest", "programme", "run", "model")
		.whereLayer("submission")
		.mayOnlyAccessLayers("publish", "ingest", "programme", "run", "model")
		.whereLayer("history")
		.mayOnlyAccessLayers("publish", "ingest", "run", "model")
		.whereLayer("distribute")
		.mayOnlyAccessLayers("publish", "aggregate", "ingest", "run", "model")
		.whereLayer("job")
		.mayOnlyAccessLayers("display", "publish", "report", "aggregate", "ingest", "programme", "run", "model")
		.whereLayer("display")
		.mayNotAccessAnyLayer()
		.whereLayer("publish")
		.mayOnlyAccessLayers("ingest", "programme", "run", "model")
		.whereLayer("report")
		.mayOnlyAccessLayers("aggregate", "ingest", "run", "model")
		.whereLayer("aggregate")
		.mayOnlyAccessLayers("ingest", "run", "model")
		.whereLayer("ingest")
		.mayOnlyAccessLayers("programme", "run", "model")
		.whereLayer("programme")
		.mayOnlyAccessLayers("model")
		.whereLayer("run")
		.mayOnlyAccessLayers("model")
		.whereLayer("model")
		.mayNotAccessAnyLayer()
		.whereLayer("tools")
		.mayOnlyAccessLayers("ingest", "programme", "model");

}
