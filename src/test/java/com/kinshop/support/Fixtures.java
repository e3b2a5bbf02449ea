package com.kinshop.support;

import com.kinshop.support.HttpSession.Response;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the people and things a test needs through the public API, as a user would. */
public class Fixtures {

    public static final String OPERATOR_PHONE = "13800000000";
    public static final String DEMO_PASSWORD = "kinshop123";
    private static final String LICENCE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final Map<Integer, HttpSession> OPERATORS = new java.util.concurrent.ConcurrentHashMap<>();

    private final int port;
    private final JdbcClient jdbc;

    public Fixtures(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    public record Member(HttpSession session, String phone, long id) {
    }

    public record Staff(HttpSession session, String phone, long supplierId) {
    }

    public HttpSession signIn(String phone, String password) {
        HttpSession session = new HttpSession(port);
        Response response = session.post("/api/auth/login", Map.of("phone", phone, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return session;
    }

    /** The demo operator, signed in once per application (sign-ins per phone are rate-limited, as in production). */
    public HttpSession operator() {
        return OPERATORS.computeIfAbsent(port, p -> signIn(OPERATOR_PHONE, DEMO_PASSWORD));
    }

    /** A freshly registered member (password secret123), signed in. */
    public Member member(String nickname) {
        HttpSession session = new HttpSession(port);
        String phone = Phones.fresh();
        session.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        Response registered = session.post("/api/auth/register", Map.of("phone", phone, "code", Phones.lastCodeSentTo(jdbc, phone),
                "password", "secret123", "nickname", nickname));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Member(session, phone, registered.json().get("id").asLong());
    }

    /** Opens the member's shop under a fresh code (prefix + 9 random characters) and returns the code. */
    public static String openShop(Member member, String name, String codePrefix) {
        String code = codePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
        Response opened = member.session().post("/api/me/shop", Map.of("name", name, "code", code, "intro", ""));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return code;
    }

    /** Binds the member to the owner of the shop with this code (锁粉), as entering an invite code does. */
    public static void bindTo(Member member, String shopCode) {
        Response bound = member.session().post("/api/me/referral", Map.of("code", shopCode));
        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
    }

    public static String licence() {
        StringBuilder licence = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            licence.append(LICENCE_CHARS.charAt(ThreadLocalRandom.current().nextInt(LICENCE_CHARS.length())));
        }
        return licence.toString();
    }

    /** Deposit 0: a supplier that owes no deposit lists at once (the deposit tests apply with one and pay it in). */
    public Map<String, Object> application(String company, String phone) {
        return new HashMap<>(Map.of("companyName", company, "contactName", "测试", "contactPhone", phone, "licenceNo", licence(),
                "categoryIds", List.of(topCategory()), "depositYuan", 0));
    }

    /** A new member whose supplier application the operator approved; signed in again after the role change. */
    public Staff supplier(String company) {
        Member member = member(company + "员工");
        Response applied = member.session().post("/api/supplier-applications", application(company, member.phone()));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long supplierId = applied.json().get("id").asLong();
        assertThat(operator().post("/api/admin/suppliers/" + supplierId + "/approve", Map.of()).status()).isEqualTo(200);
        return new Staff(signIn(member.phone(), "secret123"), member.phone(), supplierId);
    }

    public long topCategory() {
        return new HttpSession(port).get("/api/catalog/categories").json().get(0).get("category").get("id").asLong();
    }

    public long leafCategory() {
        return new HttpSession(port).get("/api/catalog/categories").json().get(0).get("children").get(0).get("id").asLong();
    }

    public static Map<String, Object> sku(String spec, long retailFen, long supplyFen, String kind, long commission, int stock) {
        return new HashMap<>(Map.of("spec", spec, "retailFen", retailFen, "supplyFen", supplyFen, "commissionKind", kind,
                "commissionValue", commission, "stock", stock));
    }

    public Map<String, Object> product(String name, List<Map<String, Object>> skus) {
        return new HashMap<>(Map.of("name", name, "subtitle", "测试卖点", "categoryId", leafCategory(), "description", "<p>好东西</p>",
                "attributes", List.of(Map.of("name", "产地", "value", "测试")), "skus", skus));
    }

    /** A product of {@code staff}'s supplier, approved and on sale, with one SKU. Returns [productId, skuId]. */
    public long[] onSale(Staff staff, String name, long retailFen, int stock) {
        return onSale(staff, name, List.of(sku("标准装", retailFen, retailFen / 2, "RATE", 1000, stock)));
    }

    /** A product with these SKUs, with a picture, approved and on sale: [productId, skuId…] in the order given. */
    public long[] onSale(Staff staff, String name, List<Map<String, Object>> skus) {
        Response created = staff.session().post("/api/supplier/products", product(name, skus));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(upload(staff.session(), "/api/supplier/products/" + id + "/images", "image", png(300, 300)).status()).isEqualTo(200);
        assertThat(staff.session().post("/api/supplier/products/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        assertThat(operator().post("/api/admin/products/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        long[] ids = new long[skus.size() + 1];
        ids[0] = id;
        for (int i = 0; i < skus.size(); i++) {
            ids[i + 1] = created.json().get("skus").get(i).get("id").asLong();
        }
        return ids;
    }

    public static Response upload(HttpSession session, String path, String field, byte[] content) {
        String boundary = "----kinshop" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"upload.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.postRaw(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(0, 0, width / 2, height / 2);
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
