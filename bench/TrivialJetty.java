import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The benchmark's ceiling: Jetty answering every request with a fixed JSON body about the size
 * of nova's version document, doing nothing else. Run with {@code java -cp <jetty jars>
 * TrivialJetty.java PORT}; listens on 127.0.0.1 only.
 */
public final class TrivialJetty {
    private static final byte[] BODY = ("{\"version\": {\"id\": \"v2.1\", \"status\": \"CURRENT\", "
            + "\"version\": \"2.93\", \"min_version\": \"2.1\", \"updated\": \"2013-07-23T11:33:21Z\", "
            + "\"links\": [{\"rel\": \"self\", \"href\": \"http://127.0.0.1/v2.1/\"}, {\"rel\": "
            + "\"describedby\", \"type\": \"text/html\", \"href\": \"http://docs.openstack.org/\"}], "
            + "\"media-types\": [{\"base\": \"application/json\", \"type\": "
            + "\"application/vnd.openstack.compute+json;version=2.1\"}]}}").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
                response.write(true, ByteBuffer.wrap(BODY), callback);
                return true;
            }
        });
        server.start();
        System.out.println("trivial-jetty READY http://127.0.0.1:" + args[0] + "/");
        server.join();
    }
}
