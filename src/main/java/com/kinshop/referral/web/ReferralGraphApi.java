package com.kinshop.referral.web;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.referral.ReferralGraph;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The data of the operator's 邀请关系图 chart; an API of its own so that its refusals are problem+json like every /api answer. */
@RestController
class ReferralGraphApi {

    private final Accounts accounts;
    private final ReferralGraph graph;

    ReferralGraphApi(Accounts accounts, ReferralGraph graph) {
        this.accounts = accounts;
        this.graph = graph;
    }

    @Operation(summary = "The member, their referrer and the referrer's referrer, and their level-1 and level-2 invitees (at most "
            + ReferralGraphPages.MAX_DRAWN + " drawn; the rest counted), for the operator's chart", description = "404 for an unknown member.")
    @GetMapping("/api/admin/referrals/{memberId}/graph")
    ReferralGraph.Graph graph(@PathVariable long memberId) {
        return graph.around(accounts.get(new AccountId(memberId)).id(), ReferralGraphPages.MAX_DRAWN);
    }
}
