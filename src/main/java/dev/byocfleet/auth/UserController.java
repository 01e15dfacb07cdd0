package dev.byocfleet.auth;

import dev.byocfleet.auth.UserMessages.InviteCreated;
import dev.byocfleet.auth.UserMessages.InviteRequest;
import dev.byocfleet.auth.UserMessages.InviteView;
import dev.byocfleet.auth.UserMessages.UserUpdate;
import dev.byocfleet.auth.UserMessages.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "auth", description = "Sign-in, tokens, the signed-in user and invite activation")
class UserController {

    private final UserAdminService admin;

    UserController(UserAdminService admin) {
        this.admin = admin;
    }

    @GetMapping("/users")
    @Operation(summary = "All users (admin)")
    List<UserView> users() {
        return admin.users();
    }

    @PatchMapping("/users/{id}")
    @Operation(summary = "Change a user's role, status or external subject (admin)",
            description = "Fields left out keep their value. A disabled user's tokens stop working at once.")
    @ApiResponse(responseCode = "409", description = "It would demote or disable the last active admin")
    UserView updateUser(@PathVariable String id, @Valid @RequestBody UserUpdate update) {
        return admin.updateUser(id, update);
    }

    @PostMapping("/invites")
    @Operation(summary = "Invite a user by email (admin)",
            description = "The answer carries the invite token once (it is stored hashed); the invitee opens "
                    + "activation_path in the web app and chooses a password.")
    @ApiResponse(responseCode = "201", description = "Invite created")
    @ApiResponse(responseCode = "409", description = "A user with this email exists")
    ResponseEntity<InviteCreated> createInvite(@Valid @RequestBody InviteRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(admin.createInvite(request));
    }

    @GetMapping("/invites")
    @Operation(summary = "Invites, newest first, without their tokens (admin)")
    List<InviteView> invites() {
        return admin.invites();
    }

    @DeleteMapping("/invites/{id}")
    @Operation(summary = "Revoke an invite (admin)")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revokeInvite(@PathVariable String id) {
        admin.revokeInvite(id);
        return ResponseEntity.noContent().build();
    }
}
