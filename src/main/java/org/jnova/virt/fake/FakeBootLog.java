package org.jnova.virt.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jnova.objects.Instance;
import org.jnova.objects.VirtualInterface;

/**
 * The serial console a fake guest prints while it boots: a Linux kernel's messages with their
 * uptime stamps, then cloud-init and the login prompt. The text depends only on the server
 * (its uuid seeds the timings; flavor, hostname and addresses fill it in), so one server
 * always boots the same way.
 */
final class FakeBootLog {
    private static final String BORDER =
            "+--------+------+------------------------------+---------------+--------+-------------------+";
    private final Instance instance;
    private final Random random;
    private final List<String> lines = new ArrayList<>();
    private double uptime;
    private final int cloudInitPid;

    private FakeBootLog(Instance instance) {
        this.instance = instance;
        this.random = new Random(instance.uuid().hashCode());
        this.cloudInitPid = 500 + random.nextInt(200);
    }

    /** The lines of one boot of {@code instance}, the login prompt last. */
    static List<String> of(Instance instance) {
        return new FakeBootLog(instance).boot();
    }

    private List<String> boot() {
        int memoryKb = Math.max(instance.flavor().memoryMb(), 64) * 1024;
        int cpus = Math.max(instance.flavor().vcpus(), 1);
        long sectors = Math.max(instance.flavor().rootGb(), 1) * 2097152L;
        kernel("Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) "
                + "11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023");
        kernel("Command line: BOOT_IMAGE=/vmlinuz root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0");
        kernel("BIOS-provided physical RAM map:");
        kernel("BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable");
        kernel(String.format(Locale.ROOT, "BIOS-e820: [mem 0x0000000000100000-0x%016x] usable",
                (long) memoryKb * 1024 - 1));
        kernel("NX (Execute Disable) protection: active");
        kernel("SMBIOS 2.8 present.");
        kernel("DMI: OpenStack Foundation OpenStack Nova, BIOS 1.15.0-1 04/01/2014");
        kernel("Hypervisor detected: KVM");
        kernel("tsc: Detected " + (2000 + random.nextInt(1000)) + "." + (100 + random.nextInt(900))
                + " MHz processor");
        kernel("smpboot: Allowing " + cpus + " CPUs, 0 hotplug CPUs");
        kernel(String.format(Locale.ROOT, "Memory: %dK/%dK available (16393K kernel code, 4380K rwdata, "
                + "10808K rodata, 3228K init, 6556K bss, %dK reserved)", memoryKb - 61440 - random.nextInt(4096),
                memoryKb, 61440 + random.nextInt(4096)));
        kernel("SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=" + cpus + ", Nodes=1");
        kernel("rcu: Hierarchical RCU implementation.");
        kernel("Console: colour VGA+ 80x25");
        kernel("printk: console [ttyS0] enabled");
        kernel("ACPI: Core revision 20210730");
        kernel("x86/cpu: User Mode Instruction Prevention (UMIP) activated");
        for (int cpu = 1; cpu < cpus; cpu++) {
            kernel("smp: Booting Node 0 Processor " + cpu + " APIC 0x" + Integer.toHexString(cpu));
        }
        kernel("smp: Brought up 1 node, " + cpus + " CPU" + (cpus == 1 ? "" : "s"));
        kernel("devtmpfs: initialized");
        kernel("NET: Registered PF_NETLINK/PF_ROUTE protocol family");
        kernel("PCI: Using configuration type 1 for base access");
        kernel("pci 0000:00:03.0: [1af4:1000] type 00 class 0x020000");
        kernel("pci 0000:00:04.0: [1af4:1001] type 00 class 0x010000");
        kernel("SCSI subsystem initialized");
        kernel("clocksource: Switched to clocksource kvm-clock");
        kernel("NET: Registered PF_INET protocol family");
        kernel("Serial: 8250/16550 driver, 32 ports, IRQ sharing enabled");
        kernel("00:04: ttyS0 at I/O 0x3f8 (irq = 4, base_baud = 115200) is a 16550A");
        kernel("Freeing unused kernel image (initmem) memory: 3228K");
        kernel("Run /init as init process");
        kernel("virtio_blk virtio2: [vda] " + sectors + " 512-byte logical blocks ("
                + String.format(Locale.ROOT, "%.1f GB", sectors * 512 / 1e9) + ")");
        kernel(" vda: vda1 vda14 vda15");
        kernel("virtio_net virtio1 ens3: renamed from eth0");
        kernel("EXT4-fs (vda1): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.");
        kernel("systemd[1]: systemd 249.11-0ubuntu3.11 running in system mode");
        kernel("systemd[1]: Detected virtualization kvm.");
        kernel("systemd[1]: Set hostname to <" + instance.hostname() + ">.");
        kernel("EXT4-fs (vda1): re-mounted. Opts: discard,errors=remount-ro. Quota mode: none.");
        kernel("systemd-journald[" + (180 + random.nextInt(60)) + "]: Received client request to flush runtime "
                + "journal.");
        plain("         Starting Initial cloud-init job (pre-networking)...");
        plain("[  OK  ] Finished Initial cloud-init job (pre-networking).");
        plain("[  OK  ] Reached target Preparation for Network.");
        plain("         Starting Network Configuration...");
        plain("[  OK  ] Started Network Configuration.");
        plain("         Starting Initial cloud-init job (metadata service crawler)...");
        plain(cloudInit() + "Cloud-init v. 23.3.3-0ubuntu0~22.04.1 running 'init' at "
                + "Mon, 01 Jan 2024 00:00:00 +0000. Up " + seconds() + " seconds.");
        plain(ciInfo() + "+".repeat(38) + "Net device info" + "+".repeat(39));
        plain(ciInfo() + BORDER);
        plain(ciInfo() + "| Device |  Up  |           Address            |      Mask     | Scope  |     Hw-Address    |");
        plain(ciInfo() + BORDER);
        for (VirtualInterface vif : instance.interfaces()) {
            plain(ciInfo() + String.format(Locale.ROOT, "|  ens3  | True | %-28s | %-13s | global | %-17s |",
                    vif.fixedIp(), vif.ipVersion() == 4 ? "255.255.255.0" : ".", vif.macAddress()));
        }
        plain(ciInfo() + "|   lo   | True |          127.0.0.1           |   255.0.0.0   |  host  |         .         |");
        plain(ciInfo() + BORDER);
        plain("[  OK  ] Finished Initial cloud-init job (metadata service crawler).");
        plain("[  OK  ] Reached target Cloud-config availability.");
        plain("[  OK  ] Reached target Network is Online.");
        plain("         Starting Apply the settings specified in cloud-config...");
        plain("[  OK  ] Finished Apply the settings specified in cloud-config.");
        plain("[  OK  ] Started OpenBSD Secure Shell server.");
        plain("[  OK  ] Reached target Multi-User System.");
        plain(cloudInit() + "Cloud-init v. 23.3.3-0ubuntu0~22.04.1 finished at Mon, 01 Jan 2024 00:00:00 +0000. "
                + "Datasource DataSourceOpenStackLocal [net,ver=2]. Up " + seconds() + " seconds");
        plain("");
        plain("Ubuntu 22.04.3 LTS " + instance.hostname() + " ttyS0");
        plain("");
        plain(instance.hostname() + " login:");
        return lines;
    }

    private void kernel(String message) {
        uptime += random.nextInt(40_000) / 1e6;
        lines.add(String.format(Locale.ROOT, "[%12.6f] %s", uptime, message));
    }

    private void plain(String line) {
        uptime += random.nextInt(300_000) / 1e6;
        lines.add(line);
    }

    private String cloudInit() {
        return "cloud-init[" + cloudInitPid + "]: ";
    }

    private String ciInfo() {
        return cloudInit() + "ci-info: ";
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.2f", uptime);
    }
}
