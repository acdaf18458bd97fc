package org.unccd.cst.job;

import java.util.concurrent.CountDownLatch;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.TaskExecutor;

/**
 * Runs the flows of a split at the same time, each on a thread of its own, yet records
 * their steps in the job repository in the order of the split: a flow starts once the one
 * before it has begun its step (this listener's {@link #beforeStep}) or has ended without
 * running it, as on a restart after it completed.
 */
final class InOrderSplit implements TaskExecutor, StepExecutionListener {

	private final ThreadLocal<CountDownLatch> begun = new ThreadLocal<>();

	private CountDownLatch previous = new CountDownLatch(0);

	private int flows;

	@Override
	public void execute(Runnable flow) {
		CountDownLatch before;
		CountDownLatch mine = new CountDownLatch(1);
		int number;
		synchronized (this) {
			before = this.previous;
			this.previous = mine;
			number = ++this.flows;
		}
		Thread.ofPlatform().name("cst-split-" + number).daemon().start(() -> {
			try {
				awaitUninterruptibly(before);
				this.begun.set(mine);
				flow.run();
			}
			finally {
				this.begun.remove();
				mine.countDown();
			}
		});
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		CountDownLatch mine = this.begun.get();
		if (mine != null) {
			mine.countDown();
		}
	}

	/**
	 * Waits for the flow before; the split waits for every flow it handed over, so each
	 * one runs, whatever happens.
	 */
	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (true) {
			try {
				latch.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
