package dev.byocfleet.auth;

import dev.byocfleet.auth.AuthMessages.ActivateRequest;
import dev.byocfleet.auth.AuthMessages.LoginRequest;
import dev.byocfleet.auth.AuthMessages.LogoutRequest;
import dev.byocfleet.auth.AuthMessages.RefreshRequest;
import dev.byocfleet.auth.AuthMessages.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "auth", description = "Sign-in, tokens, the signed-in user and invite activation")
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in with email and password",
            description = "Answers a 15-minute access token (send it as 'Authorization: Bearer ...') and a refresh "
                    + "token. A wrong password and an unknown email get the same 401. Failed attempts are limited per "
                    + "account (5 in 15 minutes) and per client address (20 in 15 minutes): 429 with Retry-After.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "Email or password is incorrect")
    @ApiResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return noStore(auth.login(request, http.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new token pair",
            description = "The refresh token is used up; the answer carries the next one. Presenting a used refresh "
                    + "token again signs out that whole sign-in.")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return noStore(auth.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Sign out",
            description = "Revokes the sign-in of the given refresh token; without one, every sign-in of the user. "
                    + "Access tokens already issued run out within 15 minutes.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    ResponseEntity<Void> logout(@Valid @RequestBody(required = false) LogoutRequest request) {
        auth.logout(request == null ? null : request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user")
    CurrentUser me() {
        return auth.me();
    }

    @PostMapping("/activate")
    @Operation(summary = "Activate an invite by choosing a password",
            description = "Creates the invited user (8 to 128 characters of password, no other rules) and signs them "
                    + "in. An invite works once and expires after 72 hours.")
    @ApiResponse(responseCode = "400", description = "The password is too short or long, or the invite is invalid, "
            + "used or expired ('parameter' says which)")
    ResponseEntity<TokenResponse> activate(@Valid @RequestBody ActivateRequest request) {
        return noStore(auth.activate(request));
    }

    private static ResponseEntity<TokenResponse> noStore(TokenResponse body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
