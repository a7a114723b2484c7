# tapaudit firewall for Plant 3, line A (demo) (captures/demo/site.toml)
# Windows Defender Firewall rules the vendors' documents require, written by tapaudit 0.1.0.
# One section per Windows host; a section runs only where $env:COMPUTERNAME equals the
# host's name (up to its first dot, case-insensitive), so the same script can be run,
# elevated, on every host (or use -o DIR for one HOST.ps1 per host).
# The host as server: inbound rules (-LocalPort); as client: outbound rules (-RemotePort),
# which only matter where the profile's default outbound action is Block. -RemoteAddress is
# the peer host. Block rules win over allow rules. Profiles: Domain,Private.
# Each rule has a stable -Name and is removed before it is created: running the script again
# updates the rules. Rules of pack rules that no longer exist stay: remove a pack's rules with
#   Get-NetFirewallRule -Group 'tapaudit clearscada' | Remove-NetFirewallRule
#   Get-NetFirewallRule -Group 'tapaudit ftac' | Remove-NetFirewallRule
#   Get-NetFirewallRule -Group 'tapaudit pathtrak' | Remove-NetFirewallRule
# (older tapaudit scripts used -Group 'tapaudit' and no -Name: remove those rules once).
# Ranges handed out by the DCE-RPC endpoint mapper (DCOM) are -LocalPort RPC, with an RPCEPMap
# rule (TCP 135) beside them; a service of such a range that does not register with the
# endpoint mapper is not covered: then use --windows-rpc range.
#   pack ftac: FTAC-RM001 (Configuring Firewalls for FactoryTalk AssetCentre)
#   pack clearscada: ClearSCADA-Redundancy (ClearSCADA: Server to Server connections and Summary of Port Usage (redundant systems))
#   pack pathtrak: PathTrak-4.x (PathTrak 4.x port requirements)
# Observed: 48 flow(s) in the captures; 3 undocumented and 3 violation(s) would be dropped
# (see tapaudit audit). 275 opening(s) never used: candidates to close (marked below);
# 3 opening(s) only attempted, never answered (not shown to work, not narrowed);
# 6 dynamic range(s) narrowed to the ports the control protocol announced.
#
# eng-laptop: not a Windows host: use the network firewall export (no role declares a platform)
# ftac-web1: not a Windows host: use the network firewall export (no role declares a platform)
# hcu1500-01: not a Windows host: use the network firewall export (vxworks)
# hcu200-01: not a Windows host: use the network firewall export (linux)
# hcu400-01: not a Windows host: use the network firewall export (vxworks)
# hcu400-02: not a Windows host: use the network firewall export (vxworks)
# mail: not a Windows host: use the network firewall export (no role declares a platform)
# pathtrak-client1: not a Windows host: use the network firewall export (no role declares a platform)
# pathtrak-srv: not a Windows host: use the network firewall export (no role declares a platform)
# plc-line-a: not a Windows host: use the network firewall export (firmware)

# ==== on ftac-agent1 (10.20.0.21)
if ($env:COMPUTERNAME -eq 'ftac-agent1') {

    # ---- inbound: ftac-agent1 answers (94 opening(s))

    # ftac.ft.activation [optional] tcp from ftac-client1 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.activation from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp from ftac-client1 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.31' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-client1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-client1-epmap' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-client1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.31' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp from ftac-client1 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2221','4241','7153','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp from ftac-client1 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp from ftac-client1 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx02 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp from ftac-client1 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp from ftac-client1 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '2221','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp from ftac-client1 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241','60093' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp from ftac-client1 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rsvchost-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp from ftac-client1 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.trace-diagnostics from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21060','21061' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-agent.agentcontroller-21061 [optional] udp from ftac-client1 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-21061-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-21061-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-21061 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21061' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

    # ftac.on-agent.agentcontroller-7004 [optional] tcp from ftac-client1 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-7004-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-7004-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-7004 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7004' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

    # ftac.on-agent.cmwebadmin [optional] tcp from ftac-client1 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.cmwebadmin-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.cmwebadmin-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.cmwebadmin from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22352' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.cmwebadmin: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe'

    # ftac.on-agent.codemeter [optional] tcp from ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.codemeter from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22350' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

    # ftac.on-agent.codemeter [optional] udp from ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.codemeter from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '22350' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

    # ftac.on-agent.dcom-epm-135 [optional] tcp from ftac-client1 135: DCOM endpoint mapper on the FactoryTalk AssetCentre agent (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dcom-epm-135-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dcom-epm-135-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.dcom-epm-135 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-agent.dynamic [optional] tcp from ftac-client1 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre agent (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.dynamic from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use'
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-in-tcp-ftac-client1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-in-tcp-ftac-client1-epmap' -DisplayName 'tapaudit ftac.on-agent.dynamic from ftac-client1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

    # ftac.on-agent.event-multiplexer-7600 [optional] tcp from ftac-client1 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.event-multiplexer-7600-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.event-multiplexer-7600-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.event-multiplexer-7600 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7600' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-agent.eventserver [optional] tcp from ftac-client1 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.eventserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.eventserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.eventserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7700' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.eventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700'

    # ftac.on-agent.ftac-server-7002 [optional] tcp from ftac-client1 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftac-server-7002-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftac-server-7002-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftac-server-7002 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7002' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftac-server-7002: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe'

    # ftac.on-agent.ftactivationboost [optional] tcp from ftac-client1 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftactivationboost-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftactivationboost-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftactivationboost from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftactivationboost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe'

    # ftac.on-agent.ftae-histserv [optional] tcp from ftac-client1 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-histserv-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-histserv-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftae-histserv from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '403' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftae-histserv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe'

    # ftac.on-agent.ftae-web-dataprovider [optional] tcp from ftac-client1 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-web-dataprovider-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-web-dataprovider-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftae-web-dataprovider from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21027' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe'

    # ftac.on-agent.ftae-webservice [optional] tcp from ftac-client1 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-webservice-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-webservice-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftae-webservice from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7150' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftae-webservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe'

    # ftac.on-agent.ftldtagbrowser [optional] tcp from ftac-client1 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftldtagbrowser-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftldtagbrowser-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftldtagbrowser from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7159' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe'

    # ftac.on-agent.ftlinxservices [optional] tcp from ftac-client1 5698: FTLinxServices.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlinxservices-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlinxservices-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftlinxservices from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5698' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftlinxservices: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe'

    # ftac.on-agent.ftlshortcuteditoruisvc [optional] tcp from ftac-client1 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlshortcuteditoruisvc-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlshortcuteditoruisvc-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftlshortcuteditoruisvc from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5798','5799' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe'

    # ftac.on-agent.ftsp-web-server [optional] tcp from ftac-client1 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftsp-web-server-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftsp-web-server-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftsp-web-server from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7110' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftsp-web-server: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe'

    # ftac.on-agent.ftwebeventserver [optional] tcp from ftac-client1 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebeventserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebeventserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftwebeventserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7113' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftwebeventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe'

    # ftac.on-agent.ftwebsupportservice [optional] tcp from ftac-client1 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebsupportservice-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebsupportservice-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ftwebsupportservice from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7111' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe'

    # ftac.on-agent.lmgrd [optional] tcp from ftac-client1 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.lmgrd-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.lmgrd-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.lmgrd from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.lmgrd: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009'

    # ftac.on-agent.localopcserver [optional] tcp from ftac-client1 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.localopcserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.localopcserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.localopcserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4244' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.localopcserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe'

    # ftac.on-agent.ramkmsgkernelsvc [optional] tcp from ftac-client1 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ramkmsgkernelsvc-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ramkmsgkernelsvc-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.ramkmsgkernelsvc from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27027' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe'

    # ftac.on-agent.raosgi [optional] tcp from ftac-client1 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.raosgi-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.raosgi-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.raosgi from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27050-27056','27100' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.raosgi: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe'

    # ftac.on-agent.rdcyhost [optional] tcp from ftac-client1 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rdcyhost-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rdcyhost-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rdcyhost from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1332' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rdcyhost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe'

    # ftac.on-agent.rnaaeserver [optional] tcp from ftac-client1 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnaaeserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnaaeserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rnaaeserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '6543','9111' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rnaaeserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe'

    # ftac.on-agent.rnadiagnosticssrv [optional] tcp from ftac-client1 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadiagnosticssrv-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadiagnosticssrv-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rnadiagnosticssrv from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7147' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe'

    # ftac.on-agent.rnadirserver [optional] tcp from ftac-client1 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadirserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadirserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rnadirserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rnadirserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-agent.rslinx-tcp [optional] tcp from ftac-client1 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rslinx-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rslinx-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

    # ftac.on-agent.rslinx-udp [optional] udp from ftac-client1 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rslinx-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rslinx-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

    # ftac.on-agent.rslinxng [optional] tcp from ftac-client1 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rslinxng from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4241','7153' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rslinxng: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe'

    # ftac.on-agent.rslinxng02 [optional] tcp from ftac-client1 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng02-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng02-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rslinxng02 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rslinxng02: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe'

    # ftac.on-agent.rsvchost-tcp [optional] tcp from ftac-client1 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rsvchost-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

    # ftac.on-agent.rsvchost-udp [optional] udp from ftac-client1 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-agent.rsvchost-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.31' -Description 'ftac.on-agent.rsvchost-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

    # ftac.directory.dirclient-dcom-dynamic [optional] tcp from ftac-srv 49152-65535: DCOM callbacks from RnaDirServer.exe to RnaDirMultiplexor.exe on the client.
    # cite: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.directory.dirclient-dcom-dynamic from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-dcom-dynamic: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)'
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-in-tcp-ftac-srv-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-in-tcp-ftac-srv-epmap' -DisplayName 'tapaudit ftac.directory.dirclient-dcom-dynamic from ftac-srv (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-dcom-dynamic: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)'

    # ftac.directory.dirclient-epm-135 [optional] tcp from ftac-srv 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

    # ftac.directory.dirclient-epm-135 [optional] udp from ftac-srv 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

    # ftac.ft.activation [optional] tcp from ftac-srv 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.activation from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp from ftac-srv 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.10' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-srv-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-srv-epmap' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-srv (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.10' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp from ftac-srv 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2221','4241','7153','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp from ftac-srv 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp from ftac-srv 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx02 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp from ftac-srv 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp from ftac-srv 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '2221','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp from ftac-srv 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241','60093' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp from ftac-srv 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rsvchost-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp from ftac-srv 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.trace-diagnostics from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21060','21061' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-agent.agentcontroller-21061 [optional] udp from ftac-srv 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-21061-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-21061-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-21061 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21061' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

    # ftac.on-agent.agentcontroller-7004 [optional] tcp from ftac-srv 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
    # observed: used by 1 answered flow(s), 11 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-7004-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-7004-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-7004 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7004' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

    # ftac.on-agent.cmwebadmin [optional] tcp from ftac-srv 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.cmwebadmin-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.cmwebadmin-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.cmwebadmin from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22352' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.cmwebadmin: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe'

    # ftac.on-agent.codemeter [optional] tcp from ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.codemeter from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22350' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

    # ftac.on-agent.codemeter [optional] udp from ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.codemeter from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '22350' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

    # ftac.on-agent.dcom-epm-135 [optional] tcp from ftac-srv 135: DCOM endpoint mapper on the FactoryTalk AssetCentre agent (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dcom-epm-135-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dcom-epm-135-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.dcom-epm-135 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-agent.dynamic [optional] tcp from ftac-srv 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre agent (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.dynamic from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use'
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-in-tcp-ftac-srv-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-in-tcp-ftac-srv-epmap' -DisplayName 'tapaudit ftac.on-agent.dynamic from ftac-srv (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

    # ftac.on-agent.event-multiplexer-7600 [optional] tcp from ftac-srv 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.event-multiplexer-7600-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.event-multiplexer-7600-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.event-multiplexer-7600 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7600' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-agent.eventserver [optional] tcp from ftac-srv 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.eventserver-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.eventserver-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.eventserver from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7700' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.eventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700'

    # ftac.on-agent.ftac-server-7002 [optional] tcp from ftac-srv 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftac-server-7002-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftac-server-7002-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftac-server-7002 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7002' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftac-server-7002: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe'

    # ftac.on-agent.ftactivationboost [optional] tcp from ftac-srv 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftactivationboost-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftactivationboost-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftactivationboost from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftactivationboost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe'

    # ftac.on-agent.ftae-histserv [optional] tcp from ftac-srv 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-histserv-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-histserv-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftae-histserv from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '403' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftae-histserv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe'

    # ftac.on-agent.ftae-web-dataprovider [optional] tcp from ftac-srv 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-web-dataprovider-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-web-dataprovider-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftae-web-dataprovider from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21027' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe'

    # ftac.on-agent.ftae-webservice [optional] tcp from ftac-srv 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-webservice-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-webservice-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftae-webservice from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7150' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftae-webservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe'

    # ftac.on-agent.ftldtagbrowser [optional] tcp from ftac-srv 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftldtagbrowser-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftldtagbrowser-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftldtagbrowser from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7159' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe'

    # ftac.on-agent.ftlinxservices [optional] tcp from ftac-srv 5698: FTLinxServices.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlinxservices-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlinxservices-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftlinxservices from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5698' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftlinxservices: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe'

    # ftac.on-agent.ftlshortcuteditoruisvc [optional] tcp from ftac-srv 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlshortcuteditoruisvc-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlshortcuteditoruisvc-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftlshortcuteditoruisvc from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5798','5799' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe'

    # ftac.on-agent.ftsp-web-server [optional] tcp from ftac-srv 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftsp-web-server-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftsp-web-server-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftsp-web-server from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7110' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftsp-web-server: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe'

    # ftac.on-agent.ftwebeventserver [optional] tcp from ftac-srv 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebeventserver-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebeventserver-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftwebeventserver from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7113' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftwebeventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe'

    # ftac.on-agent.ftwebsupportservice [optional] tcp from ftac-srv 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebsupportservice-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebsupportservice-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ftwebsupportservice from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7111' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe'

    # ftac.on-agent.lmgrd [optional] tcp from ftac-srv 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.lmgrd-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.lmgrd-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.lmgrd from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.lmgrd: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009'

    # ftac.on-agent.localopcserver [optional] tcp from ftac-srv 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.localopcserver-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.localopcserver-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.localopcserver from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4244' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.localopcserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe'

    # ftac.on-agent.ramkmsgkernelsvc [optional] tcp from ftac-srv 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ramkmsgkernelsvc-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ramkmsgkernelsvc-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.ramkmsgkernelsvc from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27027' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe'

    # ftac.on-agent.raosgi [optional] tcp from ftac-srv 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.raosgi-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.raosgi-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.raosgi from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27050-27056','27100' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.raosgi: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe'

    # ftac.on-agent.rdcyhost [optional] tcp from ftac-srv 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rdcyhost-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rdcyhost-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rdcyhost from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1332' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rdcyhost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe'

    # ftac.on-agent.rnaaeserver [optional] tcp from ftac-srv 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnaaeserver-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnaaeserver-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rnaaeserver from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '6543','9111' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rnaaeserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe'

    # ftac.on-agent.rnadiagnosticssrv [optional] tcp from ftac-srv 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadiagnosticssrv-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadiagnosticssrv-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rnadiagnosticssrv from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7147' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe'

    # ftac.on-agent.rnadirserver [optional] tcp from ftac-srv 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadirserver-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadirserver-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rnadirserver from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rnadirserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-agent.rslinx-tcp [optional] tcp from ftac-srv 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rslinx-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rslinx-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

    # ftac.on-agent.rslinx-udp [optional] udp from ftac-srv 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rslinx-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rslinx-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

    # ftac.on-agent.rslinxng [optional] tcp from ftac-srv 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rslinxng from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4241','7153' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rslinxng: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe'

    # ftac.on-agent.rslinxng02 [optional] tcp from ftac-srv 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng02-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng02-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rslinxng02 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rslinxng02: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe'

    # ftac.on-agent.rsvchost-tcp [optional] tcp from ftac-srv 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rsvchost-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

    # ftac.on-agent.rsvchost-udp [optional] udp from ftac-srv 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-agent.rsvchost-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.10' -Description 'ftac.on-agent.rsvchost-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

    # ftac.server.agent-7004 [optional] tcp from ftac-srv 7004: The server sends the ACD file and schedules to the agent controller.
    # cite: FTAC-RM001 Table 4 step 8 (RA.FTAC.Agent ControllerService.exe TCP 7004); Table 6 FTACAgentController TCP 7004 (Server to Agent); Table 10 7004*
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.agent-7004-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.agent-7004-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.server.agent-7004 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7004' -RemoteAddress '10.20.0.10' -Description 'ftac.server.agent-7004: FTAC-RM001 Table 4 step 8 (RA.FTAC.Agent ControllerService.exe TCP 7004); Table 6 FTACAgentController TCP 7004 (Server to Agent); Table 10 7004*'

    # ftac.controller.ft-cip-unsolicited [optional] tcp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
    # cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
    # observed: used by 1 answered flow(s), 14 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-tcp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-tcp-plc-line-a' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited from plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

    # ftac.controller.ft-cip-unsolicited [optional] udp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
    # cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-udp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-udp-plc-line-a' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited from plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

    # ---- outbound: ftac-agent1 connects (82 opening(s))

    # ftac.ft.activation [optional] tcp to ftac-client1 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.activation to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp to ftac-client1 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.dynamic to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp to ftac-client1 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2221','4241','7153','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp to ftac-client1 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp to ftac-client1 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx02 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp to ftac-client1 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp to ftac-client1 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '2221','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp to ftac-client1 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241','60093' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp to ftac-client1 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rsvchost-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp to ftac-client1 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.trace-diagnostics to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21060','21061' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-client.activation-27010 [optional] tcp to ftac-client1 27010: FactoryTalk Activation on the client: port 27010, named only by the client's general list.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.activation-27010-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.activation-27010-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.activation-27010 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27010' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.activation-27010: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010'

    # ftac.on-client.codemeter [optional] tcp to ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.codemeter to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22350' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

    # ftac.on-client.codemeter [optional] udp to ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.codemeter to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '22350' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

    # ftac.on-client.dcom-epm-135 [optional] tcp to ftac-client1 135: DCOM endpoint mapper on the FactoryTalk AssetCentre client (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dcom-epm-135-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dcom-epm-135-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.dcom-epm-135 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-client.dynamic [optional] tcp to ftac-client1 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre client (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.dynamic to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

    # ftac.on-client.event-multiplexer-7600 [optional] tcp to ftac-client1 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.event-multiplexer-7600-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.event-multiplexer-7600-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.event-multiplexer-7600 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7600' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-client.eventserver [optional] tcp to ftac-client1 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.eventserver-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.eventserver-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.eventserver to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7700' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.eventserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700'

    # ftac.on-client.ftac-client-21061 [optional] tcp to ftac-client1 21061: RA.FTAC.Client.exe (FactoryTalk AssetCentre Client) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftac-client-21061-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftac-client-21061-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.ftac-client-21061 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '21061' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.ftac-client-21061: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe'

    # ftac.on-client.ftactivationboost [optional] tcp to ftac-client1 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftactivationboost-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftactivationboost-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.ftactivationboost to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.ftactivationboost: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe'

    # ftac.on-client.lmgrd [optional] tcp to ftac-client1 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.lmgrd-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.lmgrd-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.lmgrd to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.lmgrd: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010'

    # ftac.on-client.ramkmsgkernelsvc [optional] tcp to ftac-client1 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ramkmsgkernelsvc-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ramkmsgkernelsvc-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.ramkmsgkernelsvc to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27027' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe'

    # ftac.on-client.raosgi [optional] tcp to ftac-client1 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.raosgi-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.raosgi-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.raosgi to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27050-27056','27100' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.raosgi: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe'

    # ftac.on-client.rnadiagnosticssrv [optional] tcp to ftac-client1 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadiagnosticssrv-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadiagnosticssrv-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rnadiagnosticssrv to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7147' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe'

    # ftac.on-client.rnadirserver [optional] tcp to ftac-client1 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadirserver-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadirserver-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rnadirserver to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '3060','7710' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rnadirserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-client.rslinx-tcp [optional] tcp to ftac-client1 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rslinx-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rslinx-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

    # ftac.on-client.rslinx-udp [optional] udp to ftac-client1 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rslinx-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rslinx-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

    # ftac.on-client.rslinxng [optional] tcp to ftac-client1 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rslinxng to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4241','7153' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rslinxng: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe'

    # ftac.on-client.rslinxng02 [optional] tcp to ftac-client1 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng02-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng02-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rslinxng02 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rslinxng02: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe'

    # ftac.on-client.rsvchost-tcp [optional] tcp to ftac-client1 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rsvchost-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

    # ftac.on-client.rsvchost-udp [optional] udp to ftac-client1 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rsvchost-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rsvchost-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

    # ftac.agent.server-7002 [optional] tcp to ftac-srv 7002: The agent asks the server for the archived ACD file and sends back the uploaded one (Disaster Recovery backup).
    # cite: FTAC-RM001 Table 4 steps 5, 13 (RA.FTAC.Server.exe TCP 7002); Table 6 FTACServer TCP 7002; Table 8 RA.FTAC.Server.exe 7002*
    # observed: used by 1 answered flow(s), 11 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.agent.server-7002-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.agent.server-7002-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.agent.server-7002 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7002' -RemoteAddress '10.20.0.10' -Description 'ftac.agent.server-7002: FTAC-RM001 Table 4 steps 5, 13 (RA.FTAC.Server.exe TCP 7002); Table 6 FTACServer TCP 7002; Table 8 RA.FTAC.Server.exe 7002*'

    # ftac.dirclient.directory-dcom-dynamic [optional] tcp to ftac-srv 49733: DCOM calls from RnaDirMultiplexor.exe to RnaDirServer.exe on the port the endpoint mapper gave.
    # cite: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)
    # observed: used by 1 answered flow(s), 14 packet(s); narrowed from the documented 49152-65535 to the negotiated 49733 (evidence: dcerpc-epm ept_map at 2026-03-02T08:00:01.300740Z on 10.20.0.21:62216 -> 10.20.0.10:135 announced 49733); dynamic ports can change between sessions: pin them on the server or keep the range
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-dcom-dynamic to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49733' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-dcom-dynamic: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)'

    # ftac.dirclient.directory-epm-135 [optional] tcp to ftac-srv 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
    # observed: used by 1 answered flow(s), 14 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

    # ftac.dirclient.directory-epm-135 [optional] udp to ftac-srv 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

    # ftac.dirclient.directory-rnadirectory [optional] tcp to ftac-srv 3060, 7710: RNADirectory (RnaDirServer.exe): Directory file synchronization to client computers (3060) and the Directory server service (7710).
    # cite: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-rnadirectory-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-rnadirectory-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-rnadirectory to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '3060','7710' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-rnadirectory: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710'

    # ftac.dirclient.directory-socketio [optional] tcp to ftac-srv 80, 443: Socket.IO (long polling by default, or WebSocket) from RnaDirMultiplexor.exe and the event services to RnaDirServer.exe: directory attributes and data.
    # cite: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-socketio-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-socketio-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-socketio to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '80','443' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-socketio: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO'

    # ftac.ft.activation [optional] tcp to ftac-srv 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.activation to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp to ftac-srv 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.dynamic to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp to ftac-srv 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2221','4241','7153','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp to ftac-srv 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp to ftac-srv 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx02 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp to ftac-srv 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp to ftac-srv 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '2221','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp to ftac-srv 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241','60093' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp to ftac-srv 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rsvchost-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp to ftac-srv 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.trace-diagnostics to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21060','21061' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-server.agentcontroller-21061 [optional] udp to ftac-srv 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-21061-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-21061-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.agentcontroller-21061 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21061' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

    # ftac.on-server.agentcontroller-7004 [optional] tcp to ftac-srv 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-7004-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-7004-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.agentcontroller-7004 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7004' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

    # ftac.on-server.cmwebadmin [optional] tcp to ftac-srv 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.cmwebadmin-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.cmwebadmin-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.cmwebadmin to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22352' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.cmwebadmin: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe'

    # ftac.on-server.codemeter [optional] tcp to ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.codemeter to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22350' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

    # ftac.on-server.codemeter [optional] udp to ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.codemeter to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '22350' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

    # ftac.on-server.dcom-epm-135 [optional] tcp to ftac-srv 135: DCOM endpoint mapper on the FactoryTalk AssetCentre server (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dcom-epm-135-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dcom-epm-135-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.dcom-epm-135 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-server.dynamic [optional] tcp to ftac-srv 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre server (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.dynamic to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use'

    # ftac.on-server.event-multiplexer-7600 [optional] tcp to ftac-srv 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.event-multiplexer-7600-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.event-multiplexer-7600-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.event-multiplexer-7600 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7600' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-server.eventserver [optional] tcp to ftac-srv 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.eventserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.eventserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.eventserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7700' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.eventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700'

    # ftac.on-server.ftac-server-7002 [optional] tcp to ftac-srv 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftac-server-7002-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftac-server-7002-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftac-server-7002 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7002' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftac-server-7002: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe'

    # ftac.on-server.ftactivationboost [optional] tcp to ftac-srv 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftactivationboost-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftactivationboost-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftactivationboost to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftactivationboost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe'

    # ftac.on-server.ftae-histserv [optional] tcp to ftac-srv 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-histserv-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-histserv-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftae-histserv to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '403' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftae-histserv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe'

    # ftac.on-server.ftae-web-dataprovider [optional] tcp to ftac-srv 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-web-dataprovider-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-web-dataprovider-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftae-web-dataprovider to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '21027' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe'

    # ftac.on-server.ftae-webservice [optional] tcp to ftac-srv 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-webservice-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-webservice-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftae-webservice to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7150' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftae-webservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe'

    # ftac.on-server.ftldtagbrowser [optional] tcp to ftac-srv 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftldtagbrowser-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftldtagbrowser-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftldtagbrowser to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7159' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe'

    # ftac.on-server.ftlinxservices [optional] tcp to ftac-srv 5698: FTLinxServices.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlinxservices-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlinxservices-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftlinxservices to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5698' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftlinxservices: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe'

    # ftac.on-server.ftlshortcuteditoruisvc [optional] tcp to ftac-srv 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlshortcuteditoruisvc-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlshortcuteditoruisvc-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftlshortcuteditoruisvc to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5798','5799' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe'

    # ftac.on-server.ftsp-web-server [optional] tcp to ftac-srv 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftsp-web-server-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftsp-web-server-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftsp-web-server to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7110' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftsp-web-server: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe'

    # ftac.on-server.ftwebeventserver [optional] tcp to ftac-srv 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebeventserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebeventserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftwebeventserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7113' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftwebeventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe'

    # ftac.on-server.ftwebsupportservice [optional] tcp to ftac-srv 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebsupportservice-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebsupportservice-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftwebsupportservice to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7111' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe'

    # ftac.on-server.lmgrd [optional] tcp to ftac-srv 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.lmgrd-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.lmgrd-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.lmgrd to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.lmgrd: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe'

    # ftac.on-server.localopcserver [optional] tcp to ftac-srv 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.localopcserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.localopcserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.localopcserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4244' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.localopcserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe'

    # ftac.on-server.rdcyhost [optional] tcp to ftac-srv 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rdcyhost-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rdcyhost-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rdcyhost to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '1332' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rdcyhost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe'

    # ftac.on-server.rnaaeserver [optional] tcp to ftac-srv 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnaaeserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnaaeserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rnaaeserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '6543','9111' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rnaaeserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe'

    # ftac.on-server.rnadiagnosticssrv [optional] tcp to ftac-srv 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadiagnosticssrv-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadiagnosticssrv-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rnadiagnosticssrv to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7147' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe'

    # ftac.on-server.rnadirserver [optional] tcp to ftac-srv 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadirserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadirserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rnadirserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '3060','7710' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rnadirserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-server.rslinx-tcp [optional] tcp to ftac-srv 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rslinx-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rslinx-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

    # ftac.on-server.rslinx-udp [optional] udp to ftac-srv 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rslinx-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rslinx-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

    # ftac.on-server.rslinxng [optional] tcp to ftac-srv 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rslinxng to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4241','7153' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rslinxng: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe'

    # ftac.on-server.rslinxng02 [optional] tcp to ftac-srv 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng02-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng02-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rslinxng02 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rslinxng02: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe'

    # ftac.on-server.rsvchost-tcp [optional] tcp to ftac-srv 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rsvchost-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

    # ftac.on-server.rsvchost-udp [optional] udp to ftac-srv 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rsvchost-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rsvchost-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

    # ftac.agent.smtp-25 [conditional (if using outbound email)] tcp to mail 25: E-mail notifications from an agent.
    # cite: FTAC-RM001 Chapter 5, agent general ports and protocols: Port 25 SMTP (if using outbound email)
    # observed: never used in the captures: candidate to close (level conditional (if using outbound email))
    Get-NetFirewallRule -Name 'tapaudit-ftac.agent.smtp-25-out-tcp-mail' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.agent.smtp-25-out-tcp-mail' -DisplayName 'tapaudit ftac.agent.smtp-25 to mail' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '25' -RemoteAddress '10.20.0.25' -Description 'ftac.agent.smtp-25: FTAC-RM001 Chapter 5, agent general ports and protocols: Port 25 SMTP (if using outbound email)'

    # ftac.agent.controller-cip [optional] tcp to plc-line-a 44818: The agent goes online with the controller and uploads its project (Disaster Recovery backup).
    # cite: FTAC-RM001 Table 4 steps 10, 11 (the agent uses FactoryTalk Linx or RSLinx to go online with the controller and Studio 5000 to upload); Table 7 RSLinx, RSLinxNG (TCP 44818)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.agent.controller-cip-out-tcp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.agent.controller-cip-out-tcp-plc-line-a' -DisplayName 'tapaudit ftac.agent.controller-cip to plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.agent.controller-cip: FTAC-RM001 Table 4 steps 10, 11 (the agent uses FactoryTalk Linx or RSLinx to go online with the controller and Studio 5000 to upload); Table 7 RSLinx, RSLinxNG (TCP 44818)'

    # ftac.ft.controller-cip [optional] tcp to plc-line-a 44818: FactoryTalk Linx or RSLinx on a FactoryTalk computer talking CIP to a controller (online, upload, browsing, inventory).
    # cite: FTAC-RM001 Table 7 RSLinx and RSLinxNG ('connect to legacy and modern automation devices'; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-tcp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-tcp-plc-line-a' -DisplayName 'tapaudit ftac.ft.controller-cip to plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.ft.controller-cip: FTAC-RM001 Table 7 RSLinx and RSLinxNG (''connect to legacy and modern automation devices''; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)'

    # ftac.ft.controller-cip [optional] udp to plc-line-a 44818: FactoryTalk Linx or RSLinx on a FactoryTalk computer talking CIP to a controller (online, upload, browsing, inventory).
    # cite: FTAC-RM001 Table 7 RSLinx and RSLinxNG ('connect to legacy and modern automation devices'; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-udp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-udp-plc-line-a' -DisplayName 'tapaudit ftac.ft.controller-cip to plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.ft.controller-cip: FTAC-RM001 Table 7 RSLinx and RSLinxNG (''connect to legacy and modern automation devices''; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)'
}

# ==== on ftac-client1 (10.20.0.31)
if ($env:COMPUTERNAME -eq 'ftac-client1') {

    # ---- inbound: ftac-client1 answers (66 opening(s))

    # ftac.ft.activation [optional] tcp from ftac-agent1 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.activation from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp from ftac-agent1 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.21' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-agent1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-agent1-epmap' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-agent1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.21' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp from ftac-agent1 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2221','4241','7153','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp from ftac-agent1 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp from ftac-agent1 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx02 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp from ftac-agent1 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp from ftac-agent1 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '2221','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp from ftac-agent1 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241','60093' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp from ftac-agent1 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rsvchost-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp from ftac-agent1 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.trace-diagnostics from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21060','21061' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-client.activation-27010 [optional] tcp from ftac-agent1 27010: FactoryTalk Activation on the client: port 27010, named only by the client's general list.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.activation-27010-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.activation-27010-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.activation-27010 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27010' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.activation-27010: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010'

    # ftac.on-client.codemeter [optional] tcp from ftac-agent1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.codemeter from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22350' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

    # ftac.on-client.codemeter [optional] udp from ftac-agent1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.codemeter from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '22350' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

    # ftac.on-client.dcom-epm-135 [optional] tcp from ftac-agent1 135: DCOM endpoint mapper on the FactoryTalk AssetCentre client (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dcom-epm-135-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dcom-epm-135-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.dcom-epm-135 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-client.dynamic [optional] tcp from ftac-agent1 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre client (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.dynamic from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use'
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-in-tcp-ftac-agent1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-in-tcp-ftac-agent1-epmap' -DisplayName 'tapaudit ftac.on-client.dynamic from ftac-agent1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

    # ftac.on-client.event-multiplexer-7600 [optional] tcp from ftac-agent1 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.event-multiplexer-7600-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.event-multiplexer-7600-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.event-multiplexer-7600 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7600' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-client.eventserver [optional] tcp from ftac-agent1 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.eventserver-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.eventserver-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.eventserver from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7700' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.eventserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700'

    # ftac.on-client.ftac-client-21061 [optional] tcp from ftac-agent1 21061: RA.FTAC.Client.exe (FactoryTalk AssetCentre Client) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftac-client-21061-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftac-client-21061-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.ftac-client-21061 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21061' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.ftac-client-21061: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe'

    # ftac.on-client.ftactivationboost [optional] tcp from ftac-agent1 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftactivationboost-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftactivationboost-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.ftactivationboost from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.ftactivationboost: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe'

    # ftac.on-client.lmgrd [optional] tcp from ftac-agent1 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.lmgrd-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.lmgrd-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.lmgrd from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.lmgrd: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010'

    # ftac.on-client.ramkmsgkernelsvc [optional] tcp from ftac-agent1 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ramkmsgkernelsvc-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ramkmsgkernelsvc-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.ramkmsgkernelsvc from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27027' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe'

    # ftac.on-client.raosgi [optional] tcp from ftac-agent1 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.raosgi-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.raosgi-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.raosgi from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27050-27056','27100' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.raosgi: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe'

    # ftac.on-client.rnadiagnosticssrv [optional] tcp from ftac-agent1 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadiagnosticssrv-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadiagnosticssrv-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.rnadiagnosticssrv from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7147' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe'

    # ftac.on-client.rnadirserver [optional] tcp from ftac-agent1 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadirserver-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadirserver-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.rnadirserver from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.rnadirserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-client.rslinx-tcp [optional] tcp from ftac-agent1 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.rslinx-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.rslinx-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

    # ftac.on-client.rslinx-udp [optional] udp from ftac-agent1 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.rslinx-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.rslinx-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

    # ftac.on-client.rslinxng [optional] tcp from ftac-agent1 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.rslinxng from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4241','7153' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.rslinxng: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe'

    # ftac.on-client.rslinxng02 [optional] tcp from ftac-agent1 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng02-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng02-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.rslinxng02 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.rslinxng02: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe'

    # ftac.on-client.rsvchost-tcp [optional] tcp from ftac-agent1 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.rsvchost-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

    # ftac.on-client.rsvchost-udp [optional] udp from ftac-agent1 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-client.rsvchost-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.21' -Description 'ftac.on-client.rsvchost-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

    # ftac.directory.dirclient-dcom-dynamic [optional] tcp from ftac-srv 49152-65535: DCOM callbacks from RnaDirServer.exe to RnaDirMultiplexor.exe on the client.
    # cite: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)
    # observed: used by 1 answered flow(s), 14 packet(s); range not narrowed: 1 flow(s) used the range without an announcement in the captures
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.directory.dirclient-dcom-dynamic from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-dcom-dynamic: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)'
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-in-tcp-ftac-srv-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-in-tcp-ftac-srv-epmap' -DisplayName 'tapaudit ftac.directory.dirclient-dcom-dynamic from ftac-srv (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-dcom-dynamic: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)'

    # ftac.directory.dirclient-epm-135 [optional] tcp from ftac-srv 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

    # ftac.directory.dirclient-epm-135 [optional] udp from ftac-srv 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

    # ftac.ft.activation [optional] tcp from ftac-srv 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.activation from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp from ftac-srv 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.10' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-srv-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-srv-epmap' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-srv (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.10' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp from ftac-srv 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2221','4241','7153','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp from ftac-srv 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp from ftac-srv 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx02 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp from ftac-srv 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp from ftac-srv 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '2221','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp from ftac-srv 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241','60093' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp from ftac-srv 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rsvchost-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp from ftac-srv 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.trace-diagnostics from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21060','21061' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-client.activation-27010 [optional] tcp from ftac-srv 27010: FactoryTalk Activation on the client: port 27010, named only by the client's general list.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.activation-27010-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.activation-27010-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.activation-27010 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27010' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.activation-27010: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010'

    # ftac.on-client.codemeter [optional] tcp from ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.codemeter from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22350' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

    # ftac.on-client.codemeter [optional] udp from ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.codemeter from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '22350' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

    # ftac.on-client.dcom-epm-135 [optional] tcp from ftac-srv 135: DCOM endpoint mapper on the FactoryTalk AssetCentre client (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dcom-epm-135-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dcom-epm-135-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.dcom-epm-135 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-client.dynamic [optional] tcp from ftac-srv 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre client (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.dynamic from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use'
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-in-tcp-ftac-srv-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-in-tcp-ftac-srv-epmap' -DisplayName 'tapaudit ftac.on-client.dynamic from ftac-srv (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

    # ftac.on-client.event-multiplexer-7600 [optional] tcp from ftac-srv 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.event-multiplexer-7600-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.event-multiplexer-7600-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.event-multiplexer-7600 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7600' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-client.eventserver [optional] tcp from ftac-srv 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.eventserver-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.eventserver-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.eventserver from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7700' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.eventserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700'

    # ftac.on-client.ftac-client-21061 [optional] tcp from ftac-srv 21061: RA.FTAC.Client.exe (FactoryTalk AssetCentre Client) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftac-client-21061-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftac-client-21061-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.ftac-client-21061 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21061' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.ftac-client-21061: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe'

    # ftac.on-client.ftactivationboost [optional] tcp from ftac-srv 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftactivationboost-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftactivationboost-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.ftactivationboost from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.ftactivationboost: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe'

    # ftac.on-client.lmgrd [optional] tcp from ftac-srv 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.lmgrd-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.lmgrd-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.lmgrd from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.lmgrd: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010'

    # ftac.on-client.ramkmsgkernelsvc [optional] tcp from ftac-srv 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ramkmsgkernelsvc-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ramkmsgkernelsvc-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.ramkmsgkernelsvc from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27027' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe'

    # ftac.on-client.raosgi [optional] tcp from ftac-srv 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.raosgi-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.raosgi-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.raosgi from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27050-27056','27100' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.raosgi: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe'

    # ftac.on-client.rnadiagnosticssrv [optional] tcp from ftac-srv 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadiagnosticssrv-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadiagnosticssrv-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.rnadiagnosticssrv from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7147' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe'

    # ftac.on-client.rnadirserver [optional] tcp from ftac-srv 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadirserver-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadirserver-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.rnadirserver from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.rnadirserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-client.rslinx-tcp [optional] tcp from ftac-srv 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.rslinx-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.rslinx-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

    # ftac.on-client.rslinx-udp [optional] udp from ftac-srv 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.rslinx-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.rslinx-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

    # ftac.on-client.rslinxng [optional] tcp from ftac-srv 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.rslinxng from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4241','7153' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.rslinxng: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe'

    # ftac.on-client.rslinxng02 [optional] tcp from ftac-srv 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng02-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng02-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.rslinxng02 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.rslinxng02: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe'

    # ftac.on-client.rsvchost-tcp [optional] tcp from ftac-srv 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-tcp-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-tcp-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.rsvchost-tcp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

    # ftac.on-client.rsvchost-udp [optional] udp from ftac-srv 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-udp-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-udp-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-client.rsvchost-udp from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.10' -Description 'ftac.on-client.rsvchost-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

    # ftac.server.client-notify-dynamic [optional] tcp from ftac-srv 49152-65535: The server notifies RA.FTAC.Client.exe that a schedule completed.
    # cite: FTAC-RM001 Table 4 step 15 (FactoryTalk AssetCentre Server notifies Clients; RA.FTAC.Client.exe Dynamic TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.client-notify-dynamic-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.client-notify-dynamic-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.server.client-notify-dynamic from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.10' -Description 'ftac.server.client-notify-dynamic: FTAC-RM001 Table 4 step 15 (FactoryTalk AssetCentre Server notifies Clients; RA.FTAC.Client.exe Dynamic TCP)'

    # ftac.controller.ft-cip-unsolicited [optional] tcp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
    # cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-tcp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-tcp-plc-line-a' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited from plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

    # ftac.controller.ft-cip-unsolicited [optional] udp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
    # cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-udp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-udp-plc-line-a' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited from plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

    # ---- outbound: ftac-client1 connects (94 opening(s))

    # ftac.ft.activation [optional] tcp to ftac-agent1 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.activation to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp to ftac-agent1 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.dynamic to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp to ftac-agent1 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2221','4241','7153','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp to ftac-agent1 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp to ftac-agent1 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx02 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp to ftac-agent1 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp to ftac-agent1 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '2221','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp to ftac-agent1 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241','60093' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp to ftac-agent1 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rsvchost-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp to ftac-agent1 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.trace-diagnostics to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21060','21061' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-agent.agentcontroller-21061 [optional] udp to ftac-agent1 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-21061-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-21061-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-21061 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21061' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

    # ftac.on-agent.agentcontroller-7004 [optional] tcp to ftac-agent1 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-7004-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-7004-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-7004 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7004' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

    # ftac.on-agent.cmwebadmin [optional] tcp to ftac-agent1 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.cmwebadmin-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.cmwebadmin-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.cmwebadmin to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22352' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.cmwebadmin: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe'

    # ftac.on-agent.codemeter [optional] tcp to ftac-agent1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.codemeter to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22350' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

    # ftac.on-agent.codemeter [optional] udp to ftac-agent1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.codemeter to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '22350' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

    # ftac.on-agent.dcom-epm-135 [optional] tcp to ftac-agent1 135: DCOM endpoint mapper on the FactoryTalk AssetCentre agent (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dcom-epm-135-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dcom-epm-135-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.dcom-epm-135 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-agent.dynamic [optional] tcp to ftac-agent1 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre agent (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.dynamic to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

    # ftac.on-agent.event-multiplexer-7600 [optional] tcp to ftac-agent1 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.event-multiplexer-7600-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.event-multiplexer-7600-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.event-multiplexer-7600 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7600' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-agent.eventserver [optional] tcp to ftac-agent1 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.eventserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.eventserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.eventserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7700' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.eventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700'

    # ftac.on-agent.ftac-server-7002 [optional] tcp to ftac-agent1 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftac-server-7002-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftac-server-7002-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftac-server-7002 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7002' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftac-server-7002: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe'

    # ftac.on-agent.ftactivationboost [optional] tcp to ftac-agent1 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftactivationboost-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftactivationboost-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftactivationboost to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftactivationboost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe'

    # ftac.on-agent.ftae-histserv [optional] tcp to ftac-agent1 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-histserv-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-histserv-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftae-histserv to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '403' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftae-histserv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe'

    # ftac.on-agent.ftae-web-dataprovider [optional] tcp to ftac-agent1 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-web-dataprovider-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-web-dataprovider-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftae-web-dataprovider to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '21027' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe'

    # ftac.on-agent.ftae-webservice [optional] tcp to ftac-agent1 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-webservice-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-webservice-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftae-webservice to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7150' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftae-webservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe'

    # ftac.on-agent.ftldtagbrowser [optional] tcp to ftac-agent1 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftldtagbrowser-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftldtagbrowser-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftldtagbrowser to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7159' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe'

    # ftac.on-agent.ftlinxservices [optional] tcp to ftac-agent1 5698: FTLinxServices.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlinxservices-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlinxservices-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftlinxservices to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5698' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftlinxservices: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe'

    # ftac.on-agent.ftlshortcuteditoruisvc [optional] tcp to ftac-agent1 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlshortcuteditoruisvc-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlshortcuteditoruisvc-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftlshortcuteditoruisvc to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5798','5799' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe'

    # ftac.on-agent.ftsp-web-server [optional] tcp to ftac-agent1 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftsp-web-server-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftsp-web-server-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftsp-web-server to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7110' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftsp-web-server: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe'

    # ftac.on-agent.ftwebeventserver [optional] tcp to ftac-agent1 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebeventserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebeventserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftwebeventserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7113' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftwebeventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe'

    # ftac.on-agent.ftwebsupportservice [optional] tcp to ftac-agent1 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebsupportservice-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebsupportservice-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftwebsupportservice to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7111' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe'

    # ftac.on-agent.lmgrd [optional] tcp to ftac-agent1 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.lmgrd-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.lmgrd-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.lmgrd to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.lmgrd: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009'

    # ftac.on-agent.localopcserver [optional] tcp to ftac-agent1 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.localopcserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.localopcserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.localopcserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4244' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.localopcserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe'

    # ftac.on-agent.ramkmsgkernelsvc [optional] tcp to ftac-agent1 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ramkmsgkernelsvc-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ramkmsgkernelsvc-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ramkmsgkernelsvc to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27027' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe'

    # ftac.on-agent.raosgi [optional] tcp to ftac-agent1 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.raosgi-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.raosgi-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.raosgi to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27050-27056','27100' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.raosgi: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe'

    # ftac.on-agent.rdcyhost [optional] tcp to ftac-agent1 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rdcyhost-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rdcyhost-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rdcyhost to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '1332' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rdcyhost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe'

    # ftac.on-agent.rnaaeserver [optional] tcp to ftac-agent1 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnaaeserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnaaeserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rnaaeserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '6543','9111' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rnaaeserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe'

    # ftac.on-agent.rnadiagnosticssrv [optional] tcp to ftac-agent1 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadiagnosticssrv-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadiagnosticssrv-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rnadiagnosticssrv to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7147' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe'

    # ftac.on-agent.rnadirserver [optional] tcp to ftac-agent1 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadirserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadirserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rnadirserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '3060','7710' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rnadirserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-agent.rslinx-tcp [optional] tcp to ftac-agent1 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rslinx-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rslinx-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

    # ftac.on-agent.rslinx-udp [optional] udp to ftac-agent1 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rslinx-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rslinx-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

    # ftac.on-agent.rslinxng [optional] tcp to ftac-agent1 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rslinxng to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4241','7153' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rslinxng: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe'

    # ftac.on-agent.rslinxng02 [optional] tcp to ftac-agent1 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng02-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng02-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rslinxng02 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rslinxng02: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe'

    # ftac.on-agent.rsvchost-tcp [optional] tcp to ftac-agent1 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rsvchost-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

    # ftac.on-agent.rsvchost-udp [optional] udp to ftac-agent1 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rsvchost-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rsvchost-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

    # ftac.client.server-http [optional] tcp to ftac-srv 80, 443: RA.FTAC.Client.exe to RA.FTAC.Server.exe: licence and configuration information, backup schedules.
    # cite: FTAC-RM001 Table 3 steps 3, 4, 5, 8 and Table 4 step 2 (TCP 443 (HTTPS), TCP 80 (HTTP)); Table 8 (80 (HTTP), 443 || <custom port> (HTTPS))
    # observed: used by 2 answered flow(s), 34 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.client.server-http-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.client.server-http-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.client.server-http to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '80','443' -RemoteAddress '10.20.0.10' -Description 'ftac.client.server-http: FTAC-RM001 Table 3 steps 3, 4, 5, 8 and Table 4 step 2 (TCP 443 (HTTPS), TCP 80 (HTTP)); Table 8 (80 (HTTP), 443 || <custom port> (HTTPS))'

    # ftac.dirclient.directory-dcom-dynamic [optional] tcp to ftac-srv 49731: DCOM calls from RnaDirMultiplexor.exe to RnaDirServer.exe on the port the endpoint mapper gave.
    # cite: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)
    # observed: used by 1 answered flow(s), 14 packet(s); narrowed from the documented 49152-65535 to the negotiated 49731 (evidence: dcerpc-epm ept_map at 2026-03-02T08:00:01.200615Z on 10.20.0.31:49951 -> 10.20.0.10:135 announced 49731); dynamic ports can change between sessions: pin them on the server or keep the range
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-dcom-dynamic to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49731' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-dcom-dynamic: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)'

    # ftac.dirclient.directory-epm-135 [optional] tcp to ftac-srv 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
    # observed: used by 1 answered flow(s), 14 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

    # ftac.dirclient.directory-epm-135 [optional] udp to ftac-srv 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

    # ftac.dirclient.directory-rnadirectory [optional] tcp to ftac-srv 3060, 7710: RNADirectory (RnaDirServer.exe): Directory file synchronization to client computers (3060) and the Directory server service (7710).
    # cite: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-rnadirectory-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-rnadirectory-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-rnadirectory to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '3060','7710' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-rnadirectory: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710'

    # ftac.dirclient.directory-socketio [optional] tcp to ftac-srv 80, 443: Socket.IO (long polling by default, or WebSocket) from RnaDirMultiplexor.exe and the event services to RnaDirServer.exe: directory attributes and data.
    # cite: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-socketio-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-socketio-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.dirclient.directory-socketio to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '80','443' -RemoteAddress '10.20.0.10' -Description 'ftac.dirclient.directory-socketio: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO'

    # ftac.ft.activation [optional] tcp to ftac-srv 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.activation to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp to ftac-srv 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.dynamic to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp to ftac-srv 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2221','4241','7153','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp to ftac-srv 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp to ftac-srv 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.ftlinx02 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp to ftac-srv 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp to ftac-srv 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '2221','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp to ftac-srv 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241','60093' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp to ftac-srv 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.rsvchost-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp to ftac-srv 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.ft.trace-diagnostics to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21060','21061' -RemoteAddress '10.20.0.10' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-server.agentcontroller-21061 [optional] udp to ftac-srv 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-21061-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-21061-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.agentcontroller-21061 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21061' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

    # ftac.on-server.agentcontroller-7004 [optional] tcp to ftac-srv 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-7004-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-7004-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.agentcontroller-7004 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7004' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

    # ftac.on-server.cmwebadmin [optional] tcp to ftac-srv 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.cmwebadmin-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.cmwebadmin-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.cmwebadmin to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22352' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.cmwebadmin: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe'

    # ftac.on-server.codemeter [optional] tcp to ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.codemeter to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22350' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

    # ftac.on-server.codemeter [optional] udp to ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.codemeter to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '22350' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

    # ftac.on-server.dcom-epm-135 [optional] tcp to ftac-srv 135: DCOM endpoint mapper on the FactoryTalk AssetCentre server (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dcom-epm-135-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dcom-epm-135-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.dcom-epm-135 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-server.dynamic [optional] tcp to ftac-srv 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre server (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.dynamic to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use'

    # ftac.on-server.event-multiplexer-7600 [optional] tcp to ftac-srv 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.event-multiplexer-7600-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.event-multiplexer-7600-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.event-multiplexer-7600 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7600' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-server.eventserver [optional] tcp to ftac-srv 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.eventserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.eventserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.eventserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7700' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.eventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700'

    # ftac.on-server.ftac-server-7002 [optional] tcp to ftac-srv 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftac-server-7002-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftac-server-7002-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftac-server-7002 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7002' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftac-server-7002: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe'

    # ftac.on-server.ftactivationboost [optional] tcp to ftac-srv 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftactivationboost-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftactivationboost-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftactivationboost to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftactivationboost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe'

    # ftac.on-server.ftae-histserv [optional] tcp to ftac-srv 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-histserv-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-histserv-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftae-histserv to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '403' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftae-histserv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe'

    # ftac.on-server.ftae-web-dataprovider [optional] tcp to ftac-srv 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-web-dataprovider-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-web-dataprovider-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftae-web-dataprovider to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '21027' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe'

    # ftac.on-server.ftae-webservice [optional] tcp to ftac-srv 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-webservice-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-webservice-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftae-webservice to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7150' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftae-webservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe'

    # ftac.on-server.ftldtagbrowser [optional] tcp to ftac-srv 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftldtagbrowser-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftldtagbrowser-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftldtagbrowser to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7159' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe'

    # ftac.on-server.ftlinxservices [optional] tcp to ftac-srv 5698: FTLinxServices.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlinxservices-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlinxservices-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftlinxservices to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5698' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftlinxservices: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe'

    # ftac.on-server.ftlshortcuteditoruisvc [optional] tcp to ftac-srv 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlshortcuteditoruisvc-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlshortcuteditoruisvc-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftlshortcuteditoruisvc to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5798','5799' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe'

    # ftac.on-server.ftsp-web-server [optional] tcp to ftac-srv 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftsp-web-server-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftsp-web-server-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftsp-web-server to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7110' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftsp-web-server: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe'

    # ftac.on-server.ftwebeventserver [optional] tcp to ftac-srv 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebeventserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebeventserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftwebeventserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7113' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftwebeventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe'

    # ftac.on-server.ftwebsupportservice [optional] tcp to ftac-srv 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebsupportservice-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebsupportservice-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.ftwebsupportservice to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7111' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe'

    # ftac.on-server.lmgrd [optional] tcp to ftac-srv 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.lmgrd-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.lmgrd-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.lmgrd to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.lmgrd: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe'

    # ftac.on-server.localopcserver [optional] tcp to ftac-srv 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.localopcserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.localopcserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.localopcserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4244' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.localopcserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe'

    # ftac.on-server.rdcyhost [optional] tcp to ftac-srv 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rdcyhost-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rdcyhost-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rdcyhost to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '1332' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rdcyhost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe'

    # ftac.on-server.rnaaeserver [optional] tcp to ftac-srv 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnaaeserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnaaeserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rnaaeserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '6543','9111' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rnaaeserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe'

    # ftac.on-server.rnadiagnosticssrv [optional] tcp to ftac-srv 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadiagnosticssrv-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadiagnosticssrv-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rnadiagnosticssrv to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7147' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe'

    # ftac.on-server.rnadirserver [optional] tcp to ftac-srv 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadirserver-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadirserver-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rnadirserver to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '3060','7710' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rnadirserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-server.rslinx-tcp [optional] tcp to ftac-srv 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rslinx-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rslinx-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

    # ftac.on-server.rslinx-udp [optional] udp to ftac-srv 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rslinx-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rslinx-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

    # ftac.on-server.rslinxng [optional] tcp to ftac-srv 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rslinxng to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4241','7153' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rslinxng: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe'

    # ftac.on-server.rslinxng02 [optional] tcp to ftac-srv 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng02-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng02-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rslinxng02 to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rslinxng02: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe'

    # ftac.on-server.rsvchost-tcp [optional] tcp to ftac-srv 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-tcp-out-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-tcp-out-tcp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rsvchost-tcp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

    # ftac.on-server.rsvchost-udp [optional] udp to ftac-srv 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-udp-out-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-udp-out-udp-ftac-srv' -DisplayName 'tapaudit ftac.on-server.rsvchost-udp to ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.10' -Description 'ftac.on-server.rsvchost-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

    # ftac.ft.controller-cip [optional] tcp to plc-line-a 44818: FactoryTalk Linx or RSLinx on a FactoryTalk computer talking CIP to a controller (online, upload, browsing, inventory).
    # cite: FTAC-RM001 Table 7 RSLinx and RSLinxNG ('connect to legacy and modern automation devices'; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-tcp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-tcp-plc-line-a' -DisplayName 'tapaudit ftac.ft.controller-cip to plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.ft.controller-cip: FTAC-RM001 Table 7 RSLinx and RSLinxNG (''connect to legacy and modern automation devices''; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)'

    # ftac.ft.controller-cip [optional] udp to plc-line-a 44818: FactoryTalk Linx or RSLinx on a FactoryTalk computer talking CIP to a controller (online, upload, browsing, inventory).
    # cite: FTAC-RM001 Table 7 RSLinx and RSLinxNG ('connect to legacy and modern automation devices'; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-udp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-udp-plc-line-a' -DisplayName 'tapaudit ftac.ft.controller-cip to plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.ft.controller-cip: FTAC-RM001 Table 7 RSLinx and RSLinxNG (''connect to legacy and modern automation devices''; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)'
}

# ==== on ftac-srv (10.20.0.10)
if ($env:COMPUTERNAME -eq 'ftac-srv') {

    # ---- inbound: ftac-srv answers (100 opening(s))

    # ftac.agent.server-7002 [optional] tcp from ftac-agent1 7002: The agent asks the server for the archived ACD file and sends back the uploaded one (Disaster Recovery backup).
    # cite: FTAC-RM001 Table 4 steps 5, 13 (RA.FTAC.Server.exe TCP 7002); Table 6 FTACServer TCP 7002; Table 8 RA.FTAC.Server.exe 7002*
    # observed: used by 1 answered flow(s), 11 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.agent.server-7002-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.agent.server-7002-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.agent.server-7002 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7002' -RemoteAddress '10.20.0.21' -Description 'ftac.agent.server-7002: FTAC-RM001 Table 4 steps 5, 13 (RA.FTAC.Server.exe TCP 7002); Table 6 FTACServer TCP 7002; Table 8 RA.FTAC.Server.exe 7002*'

    # ftac.dirclient.directory-dcom-dynamic [optional] tcp from ftac-agent1 49733: DCOM calls from RnaDirMultiplexor.exe to RnaDirServer.exe on the port the endpoint mapper gave.
    # cite: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)
    # observed: used by 1 answered flow(s), 14 packet(s); narrowed from the documented 49152-65535 to the negotiated 49733 (evidence: dcerpc-epm ept_map at 2026-03-02T08:00:01.300740Z on 10.20.0.21:62216 -> 10.20.0.10:135 announced 49733); dynamic ports can change between sessions: pin them on the server or keep the range
    # the endpoint mapper hands out the ports of 49733: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.dirclient.directory-dcom-dynamic from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.21' -Description 'ftac.dirclient.directory-dcom-dynamic: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)'
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-in-tcp-ftac-agent1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-in-tcp-ftac-agent1-epmap' -DisplayName 'tapaudit ftac.dirclient.directory-dcom-dynamic from ftac-agent1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.21' -Description 'ftac.dirclient.directory-dcom-dynamic: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)'

    # ftac.dirclient.directory-epm-135 [optional] tcp from ftac-agent1 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
    # observed: used by 1 answered flow(s), 14 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.21' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

    # ftac.dirclient.directory-epm-135 [optional] udp from ftac-agent1 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '135' -RemoteAddress '10.20.0.21' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

    # ftac.dirclient.directory-rnadirectory [optional] tcp from ftac-agent1 3060, 7710: RNADirectory (RnaDirServer.exe): Directory file synchronization to client computers (3060) and the Directory server service (7710).
    # cite: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-rnadirectory-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-rnadirectory-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.dirclient.directory-rnadirectory from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.21' -Description 'ftac.dirclient.directory-rnadirectory: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710'

    # ftac.dirclient.directory-socketio [optional] tcp from ftac-agent1 80, 443: Socket.IO (long polling by default, or WebSocket) from RnaDirMultiplexor.exe and the event services to RnaDirServer.exe: directory attributes and data.
    # cite: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-socketio-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-socketio-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.dirclient.directory-socketio from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80','443' -RemoteAddress '10.20.0.21' -Description 'ftac.dirclient.directory-socketio: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO'

    # ftac.ft.activation [optional] tcp from ftac-agent1 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.activation from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp from ftac-agent1 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.21' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-agent1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-agent1-epmap' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-agent1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.21' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp from ftac-agent1 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2221','4241','7153','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp from ftac-agent1 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp from ftac-agent1 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx02 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp from ftac-agent1 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp from ftac-agent1 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '2221','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp from ftac-agent1 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241','60093' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp from ftac-agent1 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rsvchost-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp from ftac-agent1 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.trace-diagnostics from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21060','21061' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-server.agentcontroller-21061 [optional] udp from ftac-agent1 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-21061-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-21061-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.agentcontroller-21061 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21061' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

    # ftac.on-server.agentcontroller-7004 [optional] tcp from ftac-agent1 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-7004-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-7004-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.agentcontroller-7004 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7004' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

    # ftac.on-server.cmwebadmin [optional] tcp from ftac-agent1 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.cmwebadmin-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.cmwebadmin-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.cmwebadmin from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22352' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.cmwebadmin: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe'

    # ftac.on-server.codemeter [optional] tcp from ftac-agent1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.codemeter from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22350' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

    # ftac.on-server.codemeter [optional] udp from ftac-agent1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.codemeter from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '22350' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

    # ftac.on-server.dcom-epm-135 [optional] tcp from ftac-agent1 135: DCOM endpoint mapper on the FactoryTalk AssetCentre server (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dcom-epm-135-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dcom-epm-135-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.dcom-epm-135 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-server.dynamic [optional] tcp from ftac-agent1 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre server (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.dynamic from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use'
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-in-tcp-ftac-agent1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-in-tcp-ftac-agent1-epmap' -DisplayName 'tapaudit ftac.on-server.dynamic from ftac-agent1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use'

    # ftac.on-server.event-multiplexer-7600 [optional] tcp from ftac-agent1 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.event-multiplexer-7600-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.event-multiplexer-7600-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.event-multiplexer-7600 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7600' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-server.eventserver [optional] tcp from ftac-agent1 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.eventserver-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.eventserver-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.eventserver from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7700' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.eventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700'

    # ftac.on-server.ftac-server-7002 [optional] tcp from ftac-agent1 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftac-server-7002-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftac-server-7002-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftac-server-7002 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7002' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftac-server-7002: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe'

    # ftac.on-server.ftactivationboost [optional] tcp from ftac-agent1 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftactivationboost-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftactivationboost-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftactivationboost from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftactivationboost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe'

    # ftac.on-server.ftae-histserv [optional] tcp from ftac-agent1 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-histserv-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-histserv-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftae-histserv from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '403' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftae-histserv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe'

    # ftac.on-server.ftae-web-dataprovider [optional] tcp from ftac-agent1 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-web-dataprovider-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-web-dataprovider-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftae-web-dataprovider from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21027' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe'

    # ftac.on-server.ftae-webservice [optional] tcp from ftac-agent1 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-webservice-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-webservice-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftae-webservice from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7150' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftae-webservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe'

    # ftac.on-server.ftldtagbrowser [optional] tcp from ftac-agent1 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftldtagbrowser-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftldtagbrowser-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftldtagbrowser from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7159' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe'

    # ftac.on-server.ftlinxservices [optional] tcp from ftac-agent1 5698: FTLinxServices.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlinxservices-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlinxservices-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftlinxservices from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5698' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftlinxservices: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe'

    # ftac.on-server.ftlshortcuteditoruisvc [optional] tcp from ftac-agent1 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlshortcuteditoruisvc-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlshortcuteditoruisvc-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftlshortcuteditoruisvc from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5798','5799' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe'

    # ftac.on-server.ftsp-web-server [optional] tcp from ftac-agent1 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftsp-web-server-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftsp-web-server-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftsp-web-server from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7110' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftsp-web-server: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe'

    # ftac.on-server.ftwebeventserver [optional] tcp from ftac-agent1 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebeventserver-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebeventserver-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftwebeventserver from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7113' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftwebeventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe'

    # ftac.on-server.ftwebsupportservice [optional] tcp from ftac-agent1 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebsupportservice-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebsupportservice-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.ftwebsupportservice from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7111' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe'

    # ftac.on-server.lmgrd [optional] tcp from ftac-agent1 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.lmgrd-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.lmgrd-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.lmgrd from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.lmgrd: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe'

    # ftac.on-server.localopcserver [optional] tcp from ftac-agent1 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.localopcserver-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.localopcserver-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.localopcserver from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4244' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.localopcserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe'

    # ftac.on-server.rdcyhost [optional] tcp from ftac-agent1 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rdcyhost-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rdcyhost-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rdcyhost from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1332' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rdcyhost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe'

    # ftac.on-server.rnaaeserver [optional] tcp from ftac-agent1 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnaaeserver-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnaaeserver-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rnaaeserver from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '6543','9111' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rnaaeserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe'

    # ftac.on-server.rnadiagnosticssrv [optional] tcp from ftac-agent1 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadiagnosticssrv-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadiagnosticssrv-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rnadiagnosticssrv from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7147' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe'

    # ftac.on-server.rnadirserver [optional] tcp from ftac-agent1 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadirserver-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadirserver-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rnadirserver from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rnadirserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-server.rslinx-tcp [optional] tcp from ftac-agent1 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rslinx-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rslinx-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

    # ftac.on-server.rslinx-udp [optional] udp from ftac-agent1 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rslinx-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rslinx-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

    # ftac.on-server.rslinxng [optional] tcp from ftac-agent1 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rslinxng from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4241','7153' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rslinxng: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe'

    # ftac.on-server.rslinxng02 [optional] tcp from ftac-agent1 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng02-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng02-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rslinxng02 from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rslinxng02: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe'

    # ftac.on-server.rsvchost-tcp [optional] tcp from ftac-agent1 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-tcp-in-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-tcp-in-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rsvchost-tcp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

    # ftac.on-server.rsvchost-udp [optional] udp from ftac-agent1 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-udp-in-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-udp-in-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-server.rsvchost-udp from ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.21' -Description 'ftac.on-server.rsvchost-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

    # ftac.client.server-http [optional] tcp from ftac-client1 80, 443: RA.FTAC.Client.exe to RA.FTAC.Server.exe: licence and configuration information, backup schedules.
    # cite: FTAC-RM001 Table 3 steps 3, 4, 5, 8 and Table 4 step 2 (TCP 443 (HTTPS), TCP 80 (HTTP)); Table 8 (80 (HTTP), 443 || <custom port> (HTTPS))
    # observed: used by 2 answered flow(s), 34 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.client.server-http-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.client.server-http-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.client.server-http from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80','443' -RemoteAddress '10.20.0.31' -Description 'ftac.client.server-http: FTAC-RM001 Table 3 steps 3, 4, 5, 8 and Table 4 step 2 (TCP 443 (HTTPS), TCP 80 (HTTP)); Table 8 (80 (HTTP), 443 || <custom port> (HTTPS))'

    # ftac.dirclient.directory-dcom-dynamic [optional] tcp from ftac-client1 49731: DCOM calls from RnaDirMultiplexor.exe to RnaDirServer.exe on the port the endpoint mapper gave.
    # cite: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)
    # observed: used by 1 answered flow(s), 14 packet(s); narrowed from the documented 49152-65535 to the negotiated 49731 (evidence: dcerpc-epm ept_map at 2026-03-02T08:00:01.200615Z on 10.20.0.31:49951 -> 10.20.0.10:135 announced 49731); dynamic ports can change between sessions: pin them on the server or keep the range
    # the endpoint mapper hands out the ports of 49731: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.dirclient.directory-dcom-dynamic from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.31' -Description 'ftac.dirclient.directory-dcom-dynamic: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)'
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-in-tcp-ftac-client1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-dcom-dynamic-in-tcp-ftac-client1-epmap' -DisplayName 'tapaudit ftac.dirclient.directory-dcom-dynamic from ftac-client1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.31' -Description 'ftac.dirclient.directory-dcom-dynamic: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)'

    # ftac.dirclient.directory-epm-135 [optional] tcp from ftac-client1 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
    # observed: used by 1 answered flow(s), 14 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.31' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

    # ftac.dirclient.directory-epm-135 [optional] udp from ftac-client1 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-epm-135-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '135' -RemoteAddress '10.20.0.31' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

    # ftac.dirclient.directory-rnadirectory [optional] tcp from ftac-client1 3060, 7710: RNADirectory (RnaDirServer.exe): Directory file synchronization to client computers (3060) and the Directory server service (7710).
    # cite: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-rnadirectory-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-rnadirectory-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.dirclient.directory-rnadirectory from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.31' -Description 'ftac.dirclient.directory-rnadirectory: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710'

    # ftac.dirclient.directory-socketio [optional] tcp from ftac-client1 80, 443: Socket.IO (long polling by default, or WebSocket) from RnaDirMultiplexor.exe and the event services to RnaDirServer.exe: directory attributes and data.
    # cite: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-socketio-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.dirclient.directory-socketio-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.dirclient.directory-socketio from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80','443' -RemoteAddress '10.20.0.31' -Description 'ftac.dirclient.directory-socketio: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO'

    # ftac.ft.activation [optional] tcp from ftac-client1 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.activation from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp from ftac-client1 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.31' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-client1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-in-tcp-ftac-client1-epmap' -DisplayName 'tapaudit ftac.ft.dynamic from ftac-client1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.31' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp from ftac-client1 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2221','4241','7153','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp from ftac-client1 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp from ftac-client1 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx02 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp from ftac-client1 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp from ftac-client1 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '2221','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp from ftac-client1 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241','60093' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp from ftac-client1 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rsvchost-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp from ftac-client1 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.trace-diagnostics from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21060','21061' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-server.agentcontroller-21061 [optional] udp from ftac-client1 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-21061-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-21061-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.agentcontroller-21061 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21061' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

    # ftac.on-server.agentcontroller-7004 [optional] tcp from ftac-client1 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-7004-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.agentcontroller-7004-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.agentcontroller-7004 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7004' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

    # ftac.on-server.cmwebadmin [optional] tcp from ftac-client1 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.cmwebadmin-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.cmwebadmin-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.cmwebadmin from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22352' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.cmwebadmin: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe'

    # ftac.on-server.codemeter [optional] tcp from ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.codemeter from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22350' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

    # ftac.on-server.codemeter [optional] udp from ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.codemeter-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.codemeter from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '22350' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

    # ftac.on-server.dcom-epm-135 [optional] tcp from ftac-client1 135: DCOM endpoint mapper on the FactoryTalk AssetCentre server (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dcom-epm-135-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dcom-epm-135-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.dcom-epm-135 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-server.dynamic [optional] tcp from ftac-client1 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre server (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # the endpoint mapper hands out the ports of 49152-65535: RPC (its registered dynamic ports) and RPCEPMap (TCP 135)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.dynamic from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPC -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use'
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-in-tcp-ftac-client1-epmap' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.dynamic-in-tcp-ftac-client1-epmap' -DisplayName 'tapaudit ftac.on-server.dynamic from ftac-client1 (endpoint mapper)' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort RPCEPMap -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use'

    # ftac.on-server.event-multiplexer-7600 [optional] tcp from ftac-client1 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.event-multiplexer-7600-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.event-multiplexer-7600-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.event-multiplexer-7600 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7600' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-server.eventserver [optional] tcp from ftac-client1 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.eventserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.eventserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.eventserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7700' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.eventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700'

    # ftac.on-server.ftac-server-7002 [optional] tcp from ftac-client1 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftac-server-7002-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftac-server-7002-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftac-server-7002 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7002' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftac-server-7002: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe'

    # ftac.on-server.ftactivationboost [optional] tcp from ftac-client1 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftactivationboost-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftactivationboost-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftactivationboost from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftactivationboost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe'

    # ftac.on-server.ftae-histserv [optional] tcp from ftac-client1 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-histserv-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-histserv-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftae-histserv from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '403' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftae-histserv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe'

    # ftac.on-server.ftae-web-dataprovider [optional] tcp from ftac-client1 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-web-dataprovider-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-web-dataprovider-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftae-web-dataprovider from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21027' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe'

    # ftac.on-server.ftae-webservice [optional] tcp from ftac-client1 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-webservice-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftae-webservice-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftae-webservice from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7150' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftae-webservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe'

    # ftac.on-server.ftldtagbrowser [optional] tcp from ftac-client1 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftldtagbrowser-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftldtagbrowser-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftldtagbrowser from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7159' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe'

    # ftac.on-server.ftlinxservices [optional] tcp from ftac-client1 5698: FTLinxServices.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlinxservices-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlinxservices-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftlinxservices from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5698' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftlinxservices: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe'

    # ftac.on-server.ftlshortcuteditoruisvc [optional] tcp from ftac-client1 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlshortcuteditoruisvc-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftlshortcuteditoruisvc-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftlshortcuteditoruisvc from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5798','5799' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe'

    # ftac.on-server.ftsp-web-server [optional] tcp from ftac-client1 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftsp-web-server-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftsp-web-server-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftsp-web-server from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7110' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftsp-web-server: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe'

    # ftac.on-server.ftwebeventserver [optional] tcp from ftac-client1 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebeventserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebeventserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftwebeventserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7113' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftwebeventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe'

    # ftac.on-server.ftwebsupportservice [optional] tcp from ftac-client1 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebsupportservice-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.ftwebsupportservice-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.ftwebsupportservice from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7111' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe'

    # ftac.on-server.lmgrd [optional] tcp from ftac-client1 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.lmgrd-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.lmgrd-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.lmgrd from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.lmgrd: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe'

    # ftac.on-server.localopcserver [optional] tcp from ftac-client1 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.localopcserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.localopcserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.localopcserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4244' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.localopcserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe'

    # ftac.on-server.rdcyhost [optional] tcp from ftac-client1 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rdcyhost-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rdcyhost-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rdcyhost from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1332' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rdcyhost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe'

    # ftac.on-server.rnaaeserver [optional] tcp from ftac-client1 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnaaeserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnaaeserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rnaaeserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '6543','9111' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rnaaeserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe'

    # ftac.on-server.rnadiagnosticssrv [optional] tcp from ftac-client1 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadiagnosticssrv-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadiagnosticssrv-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rnadiagnosticssrv from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7147' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe'

    # ftac.on-server.rnadirserver [optional] tcp from ftac-client1 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadirserver-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rnadirserver-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rnadirserver from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rnadirserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-server.rslinx-tcp [optional] tcp from ftac-client1 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rslinx-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rslinx-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

    # ftac.on-server.rslinx-udp [optional] udp from ftac-client1 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinx-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rslinx-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rslinx-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

    # ftac.on-server.rslinxng [optional] tcp from ftac-client1 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rslinxng from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4241','7153' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rslinxng: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe'

    # ftac.on-server.rslinxng02 [optional] tcp from ftac-client1 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng02-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rslinxng02-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rslinxng02 from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rslinxng02: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe'

    # ftac.on-server.rsvchost-tcp [optional] tcp from ftac-client1 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-tcp-in-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-tcp-in-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rsvchost-tcp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

    # ftac.on-server.rsvchost-udp [optional] udp from ftac-client1 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-udp-in-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-server.rsvchost-udp-in-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-server.rsvchost-udp from ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.31' -Description 'ftac.on-server.rsvchost-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

    # ftac.web-client.server-http-80 [conditional (if not using TLS/SSL)] tcp from ftac-web1 80: Browser-based (Web) client to RA.FTAC.Server.exe over HTTP.
    # cite: FTAC-RM001 Table 5 steps 2, 4, 5, 7, 8, 9, 12 (TCP 80 (HTTP)); Chapter 5 client general ports: Port 80 HTTP - Browser-based (Web) client interface to server (if not using TLS/SSL); Table 8
    # observed: never used in the captures: candidate to close (level conditional (if not using TLS/SSL))
    Get-NetFirewallRule -Name 'tapaudit-ftac.web-client.server-http-80-in-tcp-ftac-web1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.web-client.server-http-80-in-tcp-ftac-web1' -DisplayName 'tapaudit ftac.web-client.server-http-80 from ftac-web1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80' -RemoteAddress '10.20.0.51' -Description 'ftac.web-client.server-http-80: FTAC-RM001 Table 5 steps 2, 4, 5, 7, 8, 9, 12 (TCP 80 (HTTP)); Chapter 5 client general ports: Port 80 HTTP - Browser-based (Web) client interface to server (if not using TLS/SSL); Table 8'

    # ftac.web-client.server-https-443 [conditional (if using TLS/SSL)] tcp from ftac-web1 443: Browser-based (Web) client to RA.FTAC.Server.exe over HTTPS.
    # cite: FTAC-RM001 Table 5 steps 2, 4, 5, 7, 8, 9, 12 (TCP 443 (HTTPS)); Chapter 5 server additional functionality ports (Port 443 if HTTPS is enabled for the Browser-based (Web) client) and client general ports (if using TLS/SSL); Table 8 (443 || <custom port>)
    # observed: used by 1 answered flow(s), 10 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.web-client.server-https-443-in-tcp-ftac-web1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.web-client.server-https-443-in-tcp-ftac-web1' -DisplayName 'tapaudit ftac.web-client.server-https-443 from ftac-web1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '443' -RemoteAddress '10.20.0.51' -Description 'ftac.web-client.server-https-443: FTAC-RM001 Table 5 steps 2, 4, 5, 7, 8, 9, 12 (TCP 443 (HTTPS)); Chapter 5 server additional functionality ports (Port 443 if HTTPS is enabled for the Browser-based (Web) client) and client general ports (if using TLS/SSL); Table 8 (443 || <custom port>)'

    # ftac.controller.ft-cip-unsolicited [optional] tcp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
    # cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-tcp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-tcp-plc-line-a' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited from plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

    # ftac.controller.ft-cip-unsolicited [optional] udp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
    # cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-udp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.controller.ft-cip-unsolicited-in-udp-plc-line-a' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited from plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

    # ---- outbound: ftac-srv connects (88 opening(s))

    # ftac.directory.dirclient-dcom-dynamic [optional] tcp to ftac-agent1 49152-65535: DCOM callbacks from RnaDirServer.exe to RnaDirMultiplexor.exe on the client.
    # cite: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.directory.dirclient-dcom-dynamic to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.21' -Description 'ftac.directory.dirclient-dcom-dynamic: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)'

    # ftac.directory.dirclient-epm-135 [optional] tcp to ftac-agent1 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.21' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

    # ftac.directory.dirclient-epm-135 [optional] udp to ftac-agent1 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '135' -RemoteAddress '10.20.0.21' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

    # ftac.ft.activation [optional] tcp to ftac-agent1 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.activation to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp to ftac-agent1 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.dynamic to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp to ftac-agent1 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2221','4241','7153','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp to ftac-agent1 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp to ftac-agent1 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.ftlinx02 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp to ftac-agent1 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp to ftac-agent1 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '2221','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp to ftac-agent1 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241','60093' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp to ftac-agent1 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.rsvchost-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp to ftac-agent1 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.ft.trace-diagnostics to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21060','21061' -RemoteAddress '10.20.0.21' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-agent.agentcontroller-21061 [optional] udp to ftac-agent1 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-21061-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-21061-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-21061 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21061' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

    # ftac.on-agent.agentcontroller-7004 [optional] tcp to ftac-agent1 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
    # observed: used by 1 answered flow(s), 11 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-7004-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.agentcontroller-7004-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-7004 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7004' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

    # ftac.on-agent.cmwebadmin [optional] tcp to ftac-agent1 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.cmwebadmin-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.cmwebadmin-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.cmwebadmin to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22352' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.cmwebadmin: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe'

    # ftac.on-agent.codemeter [optional] tcp to ftac-agent1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.codemeter to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22350' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

    # ftac.on-agent.codemeter [optional] udp to ftac-agent1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.codemeter-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.codemeter to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '22350' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

    # ftac.on-agent.dcom-epm-135 [optional] tcp to ftac-agent1 135: DCOM endpoint mapper on the FactoryTalk AssetCentre agent (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dcom-epm-135-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dcom-epm-135-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.dcom-epm-135 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-agent.dynamic [optional] tcp to ftac-agent1 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre agent (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.dynamic-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.dynamic to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

    # ftac.on-agent.event-multiplexer-7600 [optional] tcp to ftac-agent1 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.event-multiplexer-7600-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.event-multiplexer-7600-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.event-multiplexer-7600 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7600' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-agent.eventserver [optional] tcp to ftac-agent1 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.eventserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.eventserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.eventserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7700' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.eventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700'

    # ftac.on-agent.ftac-server-7002 [optional] tcp to ftac-agent1 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftac-server-7002-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftac-server-7002-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftac-server-7002 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7002' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftac-server-7002: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe'

    # ftac.on-agent.ftactivationboost [optional] tcp to ftac-agent1 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftactivationboost-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftactivationboost-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftactivationboost to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftactivationboost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe'

    # ftac.on-agent.ftae-histserv [optional] tcp to ftac-agent1 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-histserv-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-histserv-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftae-histserv to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '403' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftae-histserv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe'

    # ftac.on-agent.ftae-web-dataprovider [optional] tcp to ftac-agent1 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-web-dataprovider-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-web-dataprovider-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftae-web-dataprovider to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '21027' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe'

    # ftac.on-agent.ftae-webservice [optional] tcp to ftac-agent1 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-webservice-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftae-webservice-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftae-webservice to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7150' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftae-webservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe'

    # ftac.on-agent.ftldtagbrowser [optional] tcp to ftac-agent1 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftldtagbrowser-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftldtagbrowser-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftldtagbrowser to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7159' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe'

    # ftac.on-agent.ftlinxservices [optional] tcp to ftac-agent1 5698: FTLinxServices.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlinxservices-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlinxservices-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftlinxservices to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5698' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftlinxservices: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe'

    # ftac.on-agent.ftlshortcuteditoruisvc [optional] tcp to ftac-agent1 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlshortcuteditoruisvc-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftlshortcuteditoruisvc-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftlshortcuteditoruisvc to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5798','5799' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe'

    # ftac.on-agent.ftsp-web-server [optional] tcp to ftac-agent1 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftsp-web-server-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftsp-web-server-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftsp-web-server to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7110' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftsp-web-server: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe'

    # ftac.on-agent.ftwebeventserver [optional] tcp to ftac-agent1 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebeventserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebeventserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftwebeventserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7113' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftwebeventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe'

    # ftac.on-agent.ftwebsupportservice [optional] tcp to ftac-agent1 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebsupportservice-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ftwebsupportservice-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ftwebsupportservice to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7111' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe'

    # ftac.on-agent.lmgrd [optional] tcp to ftac-agent1 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.lmgrd-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.lmgrd-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.lmgrd to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.lmgrd: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009'

    # ftac.on-agent.localopcserver [optional] tcp to ftac-agent1 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.localopcserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.localopcserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.localopcserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4244' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.localopcserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe'

    # ftac.on-agent.ramkmsgkernelsvc [optional] tcp to ftac-agent1 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ramkmsgkernelsvc-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.ramkmsgkernelsvc-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.ramkmsgkernelsvc to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27027' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe'

    # ftac.on-agent.raosgi [optional] tcp to ftac-agent1 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.raosgi-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.raosgi-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.raosgi to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27050-27056','27100' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.raosgi: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe'

    # ftac.on-agent.rdcyhost [optional] tcp to ftac-agent1 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rdcyhost-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rdcyhost-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rdcyhost to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '1332' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rdcyhost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe'

    # ftac.on-agent.rnaaeserver [optional] tcp to ftac-agent1 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnaaeserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnaaeserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rnaaeserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '6543','9111' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rnaaeserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe'

    # ftac.on-agent.rnadiagnosticssrv [optional] tcp to ftac-agent1 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadiagnosticssrv-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadiagnosticssrv-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rnadiagnosticssrv to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7147' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe'

    # ftac.on-agent.rnadirserver [optional] tcp to ftac-agent1 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadirserver-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rnadirserver-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rnadirserver to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '3060','7710' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rnadirserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-agent.rslinx-tcp [optional] tcp to ftac-agent1 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rslinx-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rslinx-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

    # ftac.on-agent.rslinx-udp [optional] udp to ftac-agent1 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinx-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rslinx-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rslinx-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

    # ftac.on-agent.rslinxng [optional] tcp to ftac-agent1 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rslinxng to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4241','7153' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rslinxng: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe'

    # ftac.on-agent.rslinxng02 [optional] tcp to ftac-agent1 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng02-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rslinxng02-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rslinxng02 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rslinxng02: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe'

    # ftac.on-agent.rsvchost-tcp [optional] tcp to ftac-agent1 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-tcp-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-tcp-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rsvchost-tcp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

    # ftac.on-agent.rsvchost-udp [optional] udp to ftac-agent1 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
    # cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-udp-out-udp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-agent.rsvchost-udp-out-udp-ftac-agent1' -DisplayName 'tapaudit ftac.on-agent.rsvchost-udp to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.21' -Description 'ftac.on-agent.rsvchost-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

    # ftac.server.agent-7004 [optional] tcp to ftac-agent1 7004: The server sends the ACD file and schedules to the agent controller.
    # cite: FTAC-RM001 Table 4 step 8 (RA.FTAC.Agent ControllerService.exe TCP 7004); Table 6 FTACAgentController TCP 7004 (Server to Agent); Table 10 7004*
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.agent-7004-out-tcp-ftac-agent1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.agent-7004-out-tcp-ftac-agent1' -DisplayName 'tapaudit ftac.server.agent-7004 to ftac-agent1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7004' -RemoteAddress '10.20.0.21' -Description 'ftac.server.agent-7004: FTAC-RM001 Table 4 step 8 (RA.FTAC.Agent ControllerService.exe TCP 7004); Table 6 FTACAgentController TCP 7004 (Server to Agent); Table 10 7004*'

    # ftac.directory.dirclient-dcom-dynamic [optional] tcp to ftac-client1 49152-65535: DCOM callbacks from RnaDirServer.exe to RnaDirMultiplexor.exe on the client.
    # cite: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)
    # observed: used by 1 answered flow(s), 14 packet(s); range not narrowed: 1 flow(s) used the range without an announcement in the captures
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-dcom-dynamic-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.directory.dirclient-dcom-dynamic to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.31' -Description 'ftac.directory.dirclient-dcom-dynamic: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)'

    # ftac.directory.dirclient-epm-135 [optional] tcp to ftac-client1 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.31' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

    # ftac.directory.dirclient-epm-135 [optional] udp to ftac-client1 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
    # cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.directory.dirclient-epm-135-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '135' -RemoteAddress '10.20.0.31' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

    # ftac.ft.activation [optional] tcp to ftac-client1 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
    # cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.activation-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.activation to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

    # ftac.ft.dynamic [optional] tcp to ftac-client1 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
    # cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.dynamic-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.dynamic to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

    # ftac.ft.ftlinx-tcp [optional] tcp to ftac-client1 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2221','4241','7153','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

    # ftac.ft.ftlinx-udp [optional] udp to ftac-client1 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
    # cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

    # ftac.ft.ftlinx02 [optional] tcp to ftac-client1 4245: FactoryTalk Linx (RSLinxNG02.exe).
    # cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.ftlinx02-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.ftlinx02 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

    # ftac.ft.rslinx-classic-tcp [optional] tcp to ftac-client1 2222, 44818: RSLinx Classic communication server.
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

    # ftac.ft.rslinx-classic-udp [optional] udp to ftac-client1 2221, 44818: RSLinx Classic communication server (UDP, browsing).
    # cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rslinx-classic-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '2221','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

    # ftac.ft.rsvchost-tcp [optional] tcp to ftac-client1 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241','60093' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

    # ftac.ft.rsvchost-udp [optional] udp to ftac-client1 6904: RsvcHost.exe (UDP).
    # cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.rsvchost-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.rsvchost-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

    # ftac.ft.trace-diagnostics [optional] udp to ftac-client1 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
    # cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.trace-diagnostics-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.ft.trace-diagnostics to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '21060','21061' -RemoteAddress '10.20.0.31' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

    # ftac.on-client.activation-27010 [optional] tcp to ftac-client1 27010: FactoryTalk Activation on the client: port 27010, named only by the client's general list.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.activation-27010-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.activation-27010-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.activation-27010 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27010' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.activation-27010: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010'

    # ftac.on-client.codemeter [optional] tcp to ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.codemeter to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '22350' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

    # ftac.on-client.codemeter [optional] udp to ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.codemeter-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.codemeter to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '22350' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

    # ftac.on-client.dcom-epm-135 [optional] tcp to ftac-client1 135: DCOM endpoint mapper on the FactoryTalk AssetCentre client (RpcSs), asked for the dynamic port of a DCOM server.
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dcom-epm-135-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dcom-epm-135-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.dcom-epm-135 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '135' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

    # ftac.on-client.dynamic [optional] tcp to ftac-client1 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre client (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
    # cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use
    # observed: never used in the captures: candidate to close (level optional)
    # outbound: Windows has no RPC keyword for -RemotePort, so the range itself
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.dynamic-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.dynamic to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

    # ftac.on-client.event-multiplexer-7600 [optional] tcp to ftac-client1 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.event-multiplexer-7600-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.event-multiplexer-7600-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.event-multiplexer-7600 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7600' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

    # ftac.on-client.eventserver [optional] tcp to ftac-client1 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.eventserver-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.eventserver-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.eventserver to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7700' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.eventserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700'

    # ftac.on-client.ftac-client-21061 [optional] tcp to ftac-client1 21061: RA.FTAC.Client.exe (FactoryTalk AssetCentre Client) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftac-client-21061-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftac-client-21061-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.ftac-client-21061 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '21061' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.ftac-client-21061: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe'

    # ftac.on-client.ftactivationboost [optional] tcp to ftac-client1 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftactivationboost-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ftactivationboost-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.ftactivationboost to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.ftactivationboost: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe'

    # ftac.on-client.lmgrd [optional] tcp to ftac-client1 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.lmgrd-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.lmgrd-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.lmgrd to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27000-27009' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.lmgrd: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010'

    # ftac.on-client.ramkmsgkernelsvc [optional] tcp to ftac-client1 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.ramkmsgkernelsvc-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.ramkmsgkernelsvc-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.ramkmsgkernelsvc to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27027' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe'

    # ftac.on-client.raosgi [optional] tcp to ftac-client1 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.raosgi-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.raosgi-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.raosgi to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '27050-27056','27100' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.raosgi: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe'

    # ftac.on-client.rnadiagnosticssrv [optional] tcp to ftac-client1 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadiagnosticssrv-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadiagnosticssrv-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rnadiagnosticssrv to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '7147' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe'

    # ftac.on-client.rnadirserver [optional] tcp to ftac-client1 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadirserver-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rnadirserver-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rnadirserver to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '3060','7710' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rnadirserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710'

    # ftac.on-client.rslinx-tcp [optional] tcp to ftac-client1 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rslinx-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '2222','44818' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rslinx-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

    # ftac.on-client.rslinx-udp [optional] udp to ftac-client1 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinx-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rslinx-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rslinx-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

    # ftac.on-client.rslinxng [optional] tcp to ftac-client1 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rslinxng to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4241','7153' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rslinxng: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe'

    # ftac.on-client.rslinxng02 [optional] tcp to ftac-client1 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng02-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rslinxng02-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rslinxng02 to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4245' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rslinxng02: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe'

    # ftac.on-client.rsvchost-tcp [optional] tcp to ftac-client1 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-tcp-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-tcp-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rsvchost-tcp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '4255','5241' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

    # ftac.on-client.rsvchost-udp [optional] udp to ftac-client1 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
    # cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-udp-out-udp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.on-client.rsvchost-udp-out-udp-ftac-client1' -DisplayName 'tapaudit ftac.on-client.rsvchost-udp to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '6904' -RemoteAddress '10.20.0.31' -Description 'ftac.on-client.rsvchost-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

    # ftac.server.client-notify-dynamic [optional] tcp to ftac-client1 49152-65535: The server notifies RA.FTAC.Client.exe that a schedule completed.
    # cite: FTAC-RM001 Table 4 step 15 (FactoryTalk AssetCentre Server notifies Clients; RA.FTAC.Client.exe Dynamic TCP)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.client-notify-dynamic-out-tcp-ftac-client1' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.client-notify-dynamic-out-tcp-ftac-client1' -DisplayName 'tapaudit ftac.server.client-notify-dynamic to ftac-client1' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '49152-65535' -RemoteAddress '10.20.0.31' -Description 'ftac.server.client-notify-dynamic: FTAC-RM001 Table 4 step 15 (FactoryTalk AssetCentre Server notifies Clients; RA.FTAC.Client.exe Dynamic TCP)'

    # ftac.server.smtp-25 [conditional (if using outbound email)] tcp to mail 25: E-mail notifications from the AssetCentre server.
    # cite: FTAC-RM001 Chapter 5, server general ports and protocols: Port 25 SMTP (if using outbound email)
    # observed: used by 1 answered flow(s), 32 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.smtp-25-out-tcp-mail' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.smtp-25-out-tcp-mail' -DisplayName 'tapaudit ftac.server.smtp-25 to mail' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '25' -RemoteAddress '10.20.0.25' -Description 'ftac.server.smtp-25: FTAC-RM001 Chapter 5, server general ports and protocols: Port 25 SMTP (if using outbound email)'

    # ftac.ft.controller-cip [optional] tcp to plc-line-a 44818: FactoryTalk Linx or RSLinx on a FactoryTalk computer talking CIP to a controller (online, upload, browsing, inventory).
    # cite: FTAC-RM001 Table 7 RSLinx and RSLinxNG ('connect to legacy and modern automation devices'; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-tcp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-tcp-plc-line-a' -DisplayName 'tapaudit ftac.ft.controller-cip to plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.ft.controller-cip: FTAC-RM001 Table 7 RSLinx and RSLinxNG (''connect to legacy and modern automation devices''; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)'

    # ftac.ft.controller-cip [optional] udp to plc-line-a 44818: FactoryTalk Linx or RSLinx on a FactoryTalk computer talking CIP to a controller (online, upload, browsing, inventory).
    # cite: FTAC-RM001 Table 7 RSLinx and RSLinxNG ('connect to legacy and modern automation devices'; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-udp-plc-line-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.ft.controller-cip-out-udp-plc-line-a' -DisplayName 'tapaudit ftac.ft.controller-cip to plc-line-a' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.ft.controller-cip: FTAC-RM001 Table 7 RSLinx and RSLinxNG (''connect to legacy and modern automation devices''; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)'

    # ftac.server.sql-1433 [required] tcp to sql-srv 1433: RA.FTAC.Server.exe to the AssetCentre and LLumin databases.
    # cite: FTAC-RM001 Table 3 step 6, Table 4 steps 3, 6, 14, Table 5 steps 6, 10 (MSSQLServer TCP 1433); Table 7 MSSQLSERVER TCP 1433; Chapter 5 server general ports (Port 1433 TCP - Default port for FactoryTalk AssetCentre Server communication to Microsoft SQL Server)
    # observed: used by 1 answered flow(s), 15 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1433-out-tcp-sql-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1433-out-tcp-sql-srv' -DisplayName 'tapaudit ftac.server.sql-1433 to sql-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '1433' -RemoteAddress '10.20.0.12' -Description 'ftac.server.sql-1433: FTAC-RM001 Table 3 step 6, Table 4 steps 3, 6, 14, Table 5 steps 6, 10 (MSSQLServer TCP 1433); Table 7 MSSQLSERVER TCP 1433; Chapter 5 server general ports (Port 1433 TCP - Default port for FactoryTalk AssetCentre Server communication to Microsoft SQL Server)'

    # ftac.server.sql-1434 [optional] tcp to sql-srv 1434: SQL Server Browser: finds the instance's port.
    # cite: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1434-out-tcp-sql-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1434-out-tcp-sql-srv' -DisplayName 'tapaudit ftac.server.sql-1434 to sql-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '1434' -RemoteAddress '10.20.0.12' -Description 'ftac.server.sql-1434: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)'

    # ftac.server.sql-1434 [optional] udp to sql-srv 1434: SQL Server Browser: finds the instance's port.
    # cite: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1434-out-udp-sql-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1434-out-udp-sql-srv' -DisplayName 'tapaudit ftac.server.sql-1434 to sql-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol UDP -RemotePort '1434' -RemoteAddress '10.20.0.12' -Description 'ftac.server.sql-1434: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)'
}

# ==== on scada-a (10.30.0.11)
if ($env:COMPUTERNAME -eq 'scada-a') {

    # ---- inbound: scada-a answers (4 opening(s))

    # clearscada.dmz-to-server.deny-icmp [deny] icmp from scada-dmz: A DMZ permanent standby does not poll the main server with ICMP.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers 'do not perform ICMP polling of the main server'
    Get-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-icmp-in-icmp-scada-dmz' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-icmp-in-icmp-scada-dmz' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-icmp from scada-dmz' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Block -Protocol ICMPv4 -RemoteAddress '172.16.30.11' -Description 'clearscada.dmz-to-server.deny-icmp: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers ''do not perform ICMP polling of the main server'''

    # clearscada.dmz-to-server.deny-tcp [deny] tcp from scada-dmz (every port): A DMZ permanent standby does not establish links to the main server.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, 'but not the other way around'
    Get-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-tcp-in-tcp-scada-dmz' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-tcp-in-tcp-scada-dmz' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-tcp from scada-dmz' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Block -Protocol TCP -RemoteAddress '172.16.30.11' -Description 'clearscada.dmz-to-server.deny-tcp: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, ''but not the other way around'''

    # clearscada.partner.icmp [required] icmp from scada-b: ICMP poll of the partner server's hardware and of the network in between.
    # cite: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row
    # observed: used by 1 answered flow(s), 2 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.partner.icmp-in-icmp-scada-b' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.partner.icmp-in-icmp-scada-b' -DisplayName 'tapaudit clearscada.partner.icmp from scada-b' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol ICMPv4 -RemoteAddress '10.30.0.12' -Description 'clearscada.partner.icmp: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row'

    # clearscada.partner.tcp-5481 [required] tcp from scada-b 5481: Partner link: main -> standby synchronization of data and configuration; standby -> main control requests and proxied actions; status checks of partner servers.
    # cite: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row
    # observed: used by 1 answered flow(s), 14 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.partner.tcp-5481-in-tcp-scada-b' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.partner.tcp-5481-in-tcp-scada-b' -DisplayName 'tapaudit clearscada.partner.tcp-5481 from scada-b' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5481' -RemoteAddress '10.30.0.12' -Description 'clearscada.partner.tcp-5481: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row'

    # ---- outbound: scada-a connects (4 opening(s))

    # clearscada.partner.icmp [required] icmp to scada-b: ICMP poll of the partner server's hardware and of the network in between.
    # cite: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row
    # observed: used by 1 answered flow(s), 2 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.partner.icmp-out-icmp-scada-b' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.partner.icmp-out-icmp-scada-b' -DisplayName 'tapaudit clearscada.partner.icmp to scada-b' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol ICMPv4 -RemoteAddress '10.30.0.12' -Description 'clearscada.partner.icmp: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row'

    # clearscada.partner.tcp-5481 [required] tcp to scada-b 5481: Partner link: main -> standby synchronization of data and configuration; standby -> main control requests and proxied actions; status checks of partner servers.
    # cite: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row
    # observed: used by 1 answered flow(s), 19 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.partner.tcp-5481-out-tcp-scada-b' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.partner.tcp-5481-out-tcp-scada-b' -DisplayName 'tapaudit clearscada.partner.tcp-5481 to scada-b' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5481' -RemoteAddress '10.30.0.12' -Description 'clearscada.partner.tcp-5481: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row'

    # clearscada.main-to-dmz.icmp [optional] icmp to scada-dmz: Main server -> DMZ permanent standby: ICMP hardware poll.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row
    # observed: used by 1 answered flow(s), 2 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.icmp-out-icmp-scada-dmz' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.icmp-out-icmp-scada-dmz' -DisplayName 'tapaudit clearscada.main-to-dmz.icmp to scada-dmz' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol ICMPv4 -RemoteAddress '172.16.30.11' -Description 'clearscada.main-to-dmz.icmp: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row'

    # clearscada.main-to-dmz.tcp-5481 [optional] tcp to scada-dmz 5481: Main server -> DMZ permanent standby: synchronization and status checks on the standby's incoming port.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row
    # observed: used by 1 answered flow(s), 14 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.tcp-5481-out-tcp-scada-dmz' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.tcp-5481-out-tcp-scada-dmz' -DisplayName 'tapaudit clearscada.main-to-dmz.tcp-5481 to scada-dmz' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5481' -RemoteAddress '172.16.30.11' -Description 'clearscada.main-to-dmz.tcp-5481: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row'
}

# ==== on scada-b (10.30.0.12)
if ($env:COMPUTERNAME -eq 'scada-b') {

    # ---- inbound: scada-b answers (4 opening(s))

    # clearscada.dmz-to-server.deny-icmp [deny] icmp from scada-dmz: A DMZ permanent standby does not poll the main server with ICMP.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers 'do not perform ICMP polling of the main server'
    Get-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-icmp-in-icmp-scada-dmz' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-icmp-in-icmp-scada-dmz' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-icmp from scada-dmz' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Block -Protocol ICMPv4 -RemoteAddress '172.16.30.11' -Description 'clearscada.dmz-to-server.deny-icmp: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers ''do not perform ICMP polling of the main server'''

    # clearscada.dmz-to-server.deny-tcp [deny] tcp from scada-dmz (every port): A DMZ permanent standby does not establish links to the main server.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, 'but not the other way around'
    Get-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-tcp-in-tcp-scada-dmz' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-tcp-in-tcp-scada-dmz' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-tcp from scada-dmz' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Block -Protocol TCP -RemoteAddress '172.16.30.11' -Description 'clearscada.dmz-to-server.deny-tcp: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, ''but not the other way around'''

    # clearscada.partner.icmp [required] icmp from scada-a: ICMP poll of the partner server's hardware and of the network in between.
    # cite: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row
    # observed: used by 1 answered flow(s), 2 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.partner.icmp-in-icmp-scada-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.partner.icmp-in-icmp-scada-a' -DisplayName 'tapaudit clearscada.partner.icmp from scada-a' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol ICMPv4 -RemoteAddress '10.30.0.11' -Description 'clearscada.partner.icmp: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row'

    # clearscada.partner.tcp-5481 [required] tcp from scada-a 5481: Partner link: main -> standby synchronization of data and configuration; standby -> main control requests and proxied actions; status checks of partner servers.
    # cite: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row
    # observed: used by 1 answered flow(s), 19 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.partner.tcp-5481-in-tcp-scada-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.partner.tcp-5481-in-tcp-scada-a' -DisplayName 'tapaudit clearscada.partner.tcp-5481 from scada-a' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5481' -RemoteAddress '10.30.0.11' -Description 'clearscada.partner.tcp-5481: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row'

    # ---- outbound: scada-b connects (4 opening(s))

    # clearscada.partner.icmp [required] icmp to scada-a: ICMP poll of the partner server's hardware and of the network in between.
    # cite: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row
    # observed: used by 1 answered flow(s), 2 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.partner.icmp-out-icmp-scada-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.partner.icmp-out-icmp-scada-a' -DisplayName 'tapaudit clearscada.partner.icmp to scada-a' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol ICMPv4 -RemoteAddress '10.30.0.11' -Description 'clearscada.partner.icmp: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row'

    # clearscada.partner.tcp-5481 [required] tcp to scada-a 5481: Partner link: main -> standby synchronization of data and configuration; standby -> main control requests and proxied actions; status checks of partner servers.
    # cite: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row
    # observed: used by 1 answered flow(s), 14 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.partner.tcp-5481-out-tcp-scada-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.partner.tcp-5481-out-tcp-scada-a' -DisplayName 'tapaudit clearscada.partner.tcp-5481 to scada-a' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5481' -RemoteAddress '10.30.0.11' -Description 'clearscada.partner.tcp-5481: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row'

    # clearscada.main-to-dmz.icmp [optional] icmp to scada-dmz: Main server -> DMZ permanent standby: ICMP hardware poll.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.icmp-out-icmp-scada-dmz' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.icmp-out-icmp-scada-dmz' -DisplayName 'tapaudit clearscada.main-to-dmz.icmp to scada-dmz' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol ICMPv4 -RemoteAddress '172.16.30.11' -Description 'clearscada.main-to-dmz.icmp: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row'

    # clearscada.main-to-dmz.tcp-5481 [optional] tcp to scada-dmz 5481: Main server -> DMZ permanent standby: synchronization and status checks on the standby's incoming port.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.tcp-5481-out-tcp-scada-dmz' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.tcp-5481-out-tcp-scada-dmz' -DisplayName 'tapaudit clearscada.main-to-dmz.tcp-5481 to scada-dmz' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Allow -Protocol TCP -RemotePort '5481' -RemoteAddress '172.16.30.11' -Description 'clearscada.main-to-dmz.tcp-5481: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row'
}

# ==== on scada-dmz (172.16.30.11)
if ($env:COMPUTERNAME -eq 'scada-dmz') {

    # ---- inbound: scada-dmz answers (4 opening(s))

    # clearscada.main-to-dmz.icmp [optional] icmp from scada-a: Main server -> DMZ permanent standby: ICMP hardware poll.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row
    # observed: used by 1 answered flow(s), 2 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.icmp-in-icmp-scada-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.icmp-in-icmp-scada-a' -DisplayName 'tapaudit clearscada.main-to-dmz.icmp from scada-a' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol ICMPv4 -RemoteAddress '10.30.0.11' -Description 'clearscada.main-to-dmz.icmp: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row'

    # clearscada.main-to-dmz.tcp-5481 [optional] tcp from scada-a 5481: Main server -> DMZ permanent standby: synchronization and status checks on the standby's incoming port.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row
    # observed: used by 1 answered flow(s), 14 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.tcp-5481-in-tcp-scada-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.tcp-5481-in-tcp-scada-a' -DisplayName 'tapaudit clearscada.main-to-dmz.tcp-5481 from scada-a' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5481' -RemoteAddress '10.30.0.11' -Description 'clearscada.main-to-dmz.tcp-5481: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row'

    # clearscada.main-to-dmz.icmp [optional] icmp from scada-b: Main server -> DMZ permanent standby: ICMP hardware poll.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.icmp-in-icmp-scada-b' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.icmp-in-icmp-scada-b' -DisplayName 'tapaudit clearscada.main-to-dmz.icmp from scada-b' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol ICMPv4 -RemoteAddress '10.30.0.12' -Description 'clearscada.main-to-dmz.icmp: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row'

    # clearscada.main-to-dmz.tcp-5481 [optional] tcp from scada-b 5481: Main server -> DMZ permanent standby: synchronization and status checks on the standby's incoming port.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.tcp-5481-in-tcp-scada-b' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.main-to-dmz.tcp-5481-in-tcp-scada-b' -DisplayName 'tapaudit clearscada.main-to-dmz.tcp-5481 from scada-b' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5481' -RemoteAddress '10.30.0.12' -Description 'clearscada.main-to-dmz.tcp-5481: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row'

    # ---- outbound: scada-dmz connects (4 opening(s))

    # clearscada.dmz-to-server.deny-icmp [deny] icmp to scada-a: A DMZ permanent standby does not poll the main server with ICMP.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers 'do not perform ICMP polling of the main server'
    Get-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-icmp-out-icmp-scada-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-icmp-out-icmp-scada-a' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-icmp to scada-a' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Block -Protocol ICMPv4 -RemoteAddress '10.30.0.11' -Description 'clearscada.dmz-to-server.deny-icmp: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers ''do not perform ICMP polling of the main server'''

    # clearscada.dmz-to-server.deny-tcp [deny] tcp to scada-a (every port): A DMZ permanent standby does not establish links to the main server.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, 'but not the other way around'
    Get-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-tcp-out-tcp-scada-a' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-tcp-out-tcp-scada-a' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-tcp to scada-a' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Block -Protocol TCP -RemoteAddress '10.30.0.11' -Description 'clearscada.dmz-to-server.deny-tcp: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, ''but not the other way around'''

    # clearscada.dmz-to-server.deny-icmp [deny] icmp to scada-b: A DMZ permanent standby does not poll the main server with ICMP.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers 'do not perform ICMP polling of the main server'
    Get-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-icmp-out-icmp-scada-b' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-icmp-out-icmp-scada-b' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-icmp to scada-b' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Block -Protocol ICMPv4 -RemoteAddress '10.30.0.12' -Description 'clearscada.dmz-to-server.deny-icmp: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers ''do not perform ICMP polling of the main server'''

    # clearscada.dmz-to-server.deny-tcp [deny] tcp to scada-b (every port): A DMZ permanent standby does not establish links to the main server.
    # cite: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, 'but not the other way around'
    Get-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-tcp-out-tcp-scada-b' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-clearscada.dmz-to-server.deny-tcp-out-tcp-scada-b' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-tcp to scada-b' -Group 'tapaudit clearscada' -Profile Domain,Private -Direction Outbound -Action Block -Protocol TCP -RemoteAddress '10.30.0.12' -Description 'clearscada.dmz-to-server.deny-tcp: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, ''but not the other way around'''
}

# ==== on sql-srv (10.20.0.12)
if ($env:COMPUTERNAME -eq 'sql-srv') {

    # ---- inbound: sql-srv answers (3 opening(s))

    # ftac.server.sql-1433 [required] tcp from ftac-srv 1433: RA.FTAC.Server.exe to the AssetCentre and LLumin databases.
    # cite: FTAC-RM001 Table 3 step 6, Table 4 steps 3, 6, 14, Table 5 steps 6, 10 (MSSQLServer TCP 1433); Table 7 MSSQLSERVER TCP 1433; Chapter 5 server general ports (Port 1433 TCP - Default port for FactoryTalk AssetCentre Server communication to Microsoft SQL Server)
    # observed: used by 1 answered flow(s), 15 packet(s)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1433-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1433-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.server.sql-1433 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1433' -RemoteAddress '10.20.0.10' -Description 'ftac.server.sql-1433: FTAC-RM001 Table 3 step 6, Table 4 steps 3, 6, 14, Table 5 steps 6, 10 (MSSQLServer TCP 1433); Table 7 MSSQLSERVER TCP 1433; Chapter 5 server general ports (Port 1433 TCP - Default port for FactoryTalk AssetCentre Server communication to Microsoft SQL Server)'

    # ftac.server.sql-1434 [optional] tcp from ftac-srv 1434: SQL Server Browser: finds the instance's port.
    # cite: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1434-in-tcp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1434-in-tcp-ftac-srv' -DisplayName 'tapaudit ftac.server.sql-1434 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1434' -RemoteAddress '10.20.0.10' -Description 'ftac.server.sql-1434: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)'

    # ftac.server.sql-1434 [optional] udp from ftac-srv 1434: SQL Server Browser: finds the instance's port.
    # cite: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)
    # observed: never used in the captures: candidate to close (level optional)
    Get-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1434-in-udp-ftac-srv' -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -Name 'tapaudit-ftac.server.sql-1434-in-udp-ftac-srv' -DisplayName 'tapaudit ftac.server.sql-1434 from ftac-srv' -Group 'tapaudit ftac' -Profile Domain,Private -Direction Inbound -Action Allow -Protocol UDP -LocalPort '1434' -RemoteAddress '10.20.0.10' -Description 'ftac.server.sql-1434: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)'

    # ---- outbound: sql-srv connects (0 opening(s))
}
