package com.papisandbox.server;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** How an account's requests are signed: an HMAC secret, or an RSA key pair whose public half we hold. */
public sealed interface Credential {
    String RSA_PREFIX = "-----BEGIN PUBLIC KEY-----";

    /** True if {@code signature} is a valid signature of {@code payload}. */
    boolean verifies(String payload, String signature);

    /** A credential as stored in the journal: an HMAC secret, or an RSA public key in PEM. */
    static Credential parse(String stored) {
        return stored.startsWith(RSA_PREFIX) ? Rsa.fromPem(stored) : new Hmac(stored);
    }

    /** HMAC-SHA256, lower-case hex; Binance accepts the hex in any case. */
    final class Hmac implements Credential {
        private final SecretKeySpec key;
        private final ThreadLocal<Mac> macs;

        public Hmac(String secret) {
            this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            this.macs = ThreadLocal.withInitial(this::newMac);
        }

        private Mac newMac() {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }

        public String sign(String payload) {
            return HexFormat.of().formatHex(macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public boolean verifies(String payload, String signature) {
            if (signature.length() != 64) return false;
            byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
            byte[] actual = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, actual);
        }
    }

    /** RSASSA-PKCS1-v1_5 with SHA-256 over the payload, base64 (URL-decoded by the parameter parser). */
    final class Rsa implements Credential {
        private final PublicKey publicKey;

        public Rsa(PublicKey publicKey) {
            this.publicKey = publicKey;
        }

        public static Rsa fromPem(String pem) {
            String base64 = pem.replace(RSA_PREFIX, "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
            try {
                byte[] der = Base64.getDecoder().decode(base64);
                return new Rsa(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not an RSA public key in PEM (X.509 SubjectPublicKeyInfo): " + e.getMessage(), e);
            }
        }

        @Override
        public boolean verifies(String payload, String signature) {
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(publicKey);
                verifier.update(payload.getBytes(StandardCharsets.UTF_8));
                return verifier.verify(Base64.getDecoder().decode(signature));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
