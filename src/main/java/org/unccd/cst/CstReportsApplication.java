package org.unccd.cst;

import org.unccd.cst.cli.Launcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The cst-reports application: the command line in front of the Spring Batch job.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class CstReportsApplication {

	public static void main(String[] args) {
		System.exit(new Launcher(System.out, System.err, CstReportsApplication.class).run(args));
	}

}
