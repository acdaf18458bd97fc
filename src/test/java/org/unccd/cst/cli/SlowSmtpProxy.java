package org.unccd.cst.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback relay in front of a real SMTP server that holds each connection a moment
 * before the server's greeting goes through, as a busy server does, and counts how many
 * connections are open at once: the most seen tells how many deliveries went together.
 */
final class SlowSmtpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger most = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	SlowSmtpProxy(int target, Duration delay) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofPlatform().daemon().name("slow-smtp-accept").start(() -> {
			while (!this.server.isClosed()) {
				try {
					Socket client = this.server.accept();
					Thread.ofPlatform().daemon().name("slow-smtp-relay").start(() -> relay(client, target, delay));
				}
				catch (IOException ex) {
					return;
				}
			}
		});
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** The most connections open at the same time. */
	int mostAtOnce() {
		return this.most.get();
	}

	/** The connections made. */
	int connections() {
		return this.connections.get();
	}

	private void relay(Socket client, int target, Duration delay) {
		this.connections.incrementAndGet();
		this.most.accumulateAndGet(this.open.incrementAndGet(), Math::max);
		try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
			Thread.sleep(delay);
			Thread back = Thread.ofPlatform().daemon().start(() -> pump(upstream, client));
			pump(client, upstream);
			back.join();
		}
		catch (IOException | InterruptedException ex) {
			// the connection ends
		}
		finally {
			this.open.decrementAndGet();
		}
	}

	private static void pump(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[8192];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				out.write(buffer, 0, n);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// one side closed
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
