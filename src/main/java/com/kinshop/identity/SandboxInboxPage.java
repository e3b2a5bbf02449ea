package com.kinshop.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dev inbox of the SMS sandbox: what would have been texted. Exists only while the sandbox is on, and answers
 * only requests from this machine, so a sandbox left on in a shared environment does not hand out sign-in codes.
 */
@Controller
@ConditionalOnBooleanProperty("kinshop.sms.sandbox")
class SandboxInboxPage {

    private final SandboxSmsSender sandbox;

    SandboxInboxPage(SandboxSmsSender sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping("/dev/sms")
    String inbox(Model model, jakarta.servlet.http.HttpServletRequest request) throws java.net.UnknownHostException {
        if (!java.net.InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            throw com.kinshop.shared.BusinessException.notFound("http.404");
        }
        model.addAttribute("messages", sandbox.latest(50));
        return "identity/sms-inbox";
    }
}
