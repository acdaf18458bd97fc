package org.unccd.cst.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a name and password against the users file, read at each sign-in so that
 * {@code --add-user} and {@code --remove-user} take effect at once, and refuses sign-ins
 * that the {@link LoginThrottle} holds back. Failures are counted and audited.
 */
class ThrottledAuthentication implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	ThrottledAuthentication(ConsoleUsers users, LoginThrottle throttle, AuditLog audit) {
		this.passwords = new DaoAuthenticationProvider((name) -> {
			try {
				ConsoleUsers.User user = users.find(name)
					.orElseThrow(() -> new UsernameNotFoundException("no such user"));
				return new User(user.name(), user.hash(), List.of(new SimpleGrantedAuthority(user.role().authority())));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		this.passwords.setPasswordEncoder(ConsoleUsers.encoder());
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String name = String.valueOf(authentication.getName());
		String address = address(authentication);
		Duration blocked = this.throttle.blockedFor(name, address);
		if (!blocked.isZero() && !blocked.isNegative()) {
			this.audit.record(name, address, "login-refused", "too many failed sign-ins");
			throw new LockedException(
					"Too many failed sign-ins: try again in " + (blocked.toMinutes() + 1) + " minutes.");
		}
		try {
			Authentication done = this.passwords.authenticate(authentication);
			this.throttle.succeeded(name);
			return done;
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(name, address);
			this.audit.record(name, address, "login-failed", "wrong name or password");
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

	static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "-";
	}

}
