package org.unccd.cst.console;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Records each sign-in through the form in the audit log. */
@Component
class SignInAudit {

	private final AuditLog audit;

	SignInAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		this.audit.record(event.getAuthentication().getName(),
				ThrottledAuthentication.address(event.getAuthentication()), "login", "");
	}

}
