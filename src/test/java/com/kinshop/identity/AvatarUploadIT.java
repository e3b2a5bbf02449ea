package com.kinshop.identity;

import com.kinshop.support.Fixtures;
import com.kinshop.support.HttpSession;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Avatars: real images are stored, shrunk and served with long cache headers; anything else is refused. */
@KinshopIT
class AvatarUploadIT {

    @LocalServerPort
    int port;

    @Test
    void anImageIsStoredShrunkAndServedForGood() throws Exception {
        HttpSession member = signedInMember();
        HttpSession.Response uploaded = upload(member, png(800, 600), "me.png");

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        String url = uploaded.json().get("avatarUrl").asString();
        assertThat(url).matches("/media/avatars/[0-9a-f]{64}\\.png");
        HttpSession.Response served = new HttpSession(port).get(url);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("cache-control")).contains("max-age=31536000", "immutable");
        BufferedImage stored = ImageIO.read(new java.io.ByteArrayInputStream(new HttpSession(port).getBytes(url)));
        assertThat(Math.max(stored.getWidth(), stored.getHeight())).isEqualTo(256);
    }

    @Test
    void notAnImageOrTooLargeIsRefusedAndTheOldAvatarStays() throws Exception {
        HttpSession member = signedInMember();
        String before = member.get("/api/me").json().get("avatarUrl").toString();

        HttpSession.Response script = upload(member, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "evil.png");
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.fieldError("avatar")).isEqualTo("只支持 PNG、JPEG、GIF 图片");

        byte[] huge = new byte[3 * 1024 * 1024];
        System.arraycopy(png(10, 10), 0, huge, 0, png(10, 10).length);
        HttpSession.Response tooLarge = upload(member, huge, "big.png");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.fieldError("avatar")).isEqualTo("图片不能超过 2MB");
        assertThat(member.get("/api/me").json().get("avatarUrl").toString()).isEqualTo(before);
    }

    private static HttpSession.Response upload(HttpSession member, byte[] content, String filename) {
        return Fixtures.upload(member, "/api/me/avatar", "avatar", content);
    }

    private HttpSession signedInMember() {
        HttpSession member = new HttpSession(port);
        assertThat(member.post("/api/auth/login", Map.of("phone", "13800000003", "password", "kinshop123")).status()).isEqualTo(200);
        return member;
    }

    private static byte[] png(int width, int height) {
        return Fixtures.png(width, height);
    }
}
