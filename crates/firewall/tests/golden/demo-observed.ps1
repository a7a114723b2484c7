# tapaudit firewall for Plant 3, line A (demo) (captures/demo/site.toml)
# Windows Defender Firewall rules the vendors' documents require, written by tapaudit 0.1.0.
# Each rule is inbound on the host that answers; run the lines of a host on that host, in an
# elevated PowerShell. Block rules win over allow rules. Remove them all with:
#   Remove-NetFirewallRule -Group 'tapaudit'
#   pack ftac: FTAC-RM001 (Configuring Firewalls for FactoryTalk AssetCentre)
#   pack clearscada: ClearSCADA-Redundancy (ClearSCADA: Server to Server connections and Summary of Port Usage (redundant systems))
#   pack pathtrak: PathTrak-4.x (PathTrak 4.x port requirements)
# Observed: 48 flow(s) in the captures; 3 undocumented and 3 violation(s) would be dropped
# (see tapaudit audit). 275 opening(s) never used: candidates to close (marked below);
# 3 opening(s) only attempted, never answered (not shown to work, not narrowed);
# 6 dynamic range(s) narrowed to the ports the control protocol announced.

# ==== on ftac-agent1 (10.20.0.21)

# ftac.controller.ft-cip-unsolicited [optional] tcp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
# cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
# observed from plc-line-a: used by 1 answered flow(s), 14 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

# ftac.controller.ft-cip-unsolicited [optional] udp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
# cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
# observed from plc-line-a: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

# ftac.directory.dirclient-dcom-dynamic [optional] tcp from ftac-srv 49152-65535: DCOM callbacks from RnaDirServer.exe to RnaDirMultiplexor.exe on the client.
# cite: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.directory.dirclient-dcom-dynamic' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-dcom-dynamic: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)'

# ftac.directory.dirclient-epm-135 [optional] tcp from ftac-srv 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
# cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

# ftac.directory.dirclient-epm-135 [optional] udp from ftac-srv 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
# cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

# ftac.ft.activation [optional] tcp from ftac-client1, ftac-srv 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
# cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.activation' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

# ftac.ft.dynamic [optional] tcp from ftac-client1, ftac-srv 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
# cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.dynamic' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

# ftac.ft.ftlinx-tcp [optional] tcp from ftac-client1, ftac-srv 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
# cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2221','4241','7153','44818' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

# ftac.ft.ftlinx-udp [optional] udp from ftac-client1, ftac-srv 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
# cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.ftlinx-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

# ftac.ft.ftlinx02 [optional] tcp from ftac-client1, ftac-srv 4245: FactoryTalk Linx (RSLinxNG02.exe).
# cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.ftlinx02' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

# ftac.ft.rslinx-classic-tcp [optional] tcp from ftac-client1, ftac-srv 2222, 44818: RSLinx Classic communication server.
# cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

# ftac.ft.rslinx-classic-udp [optional] udp from ftac-client1, ftac-srv 2221, 44818: RSLinx Classic communication server (UDP, browsing).
# cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '2221','44818' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

# ftac.ft.rsvchost-tcp [optional] tcp from ftac-client1, ftac-srv 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
# cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241','60093' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

# ftac.ft.rsvchost-udp [optional] udp from ftac-client1, ftac-srv 6904: RsvcHost.exe (UDP).
# cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rsvchost-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

# ftac.ft.trace-diagnostics [optional] udp from ftac-client1, ftac-srv 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
# cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.trace-diagnostics' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21060','21061' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

# ftac.on-agent.agentcontroller-21061 [optional] udp from ftac-client1, ftac-srv 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-21061' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21061' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

# ftac.on-agent.agentcontroller-7004 [optional] tcp from ftac-client1, ftac-srv 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: used by 1 answered flow(s), 11 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.agentcontroller-7004' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7004' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.AgentController Service.exe'

# ftac.on-agent.cmwebadmin [optional] tcp from ftac-client1, ftac-srv 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.cmwebadmin' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22352' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.cmwebadmin: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CmWebAdmin.exe'

# ftac.on-agent.codemeter [optional] tcp from ftac-client1, ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.codemeter' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22350' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

# ftac.on-agent.codemeter [optional] udp from ftac-client1, ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.codemeter' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '22350' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.codemeter: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): CodeMeter.exe'

# ftac.on-agent.dcom-epm-135 [optional] tcp from ftac-client1, ftac-srv 135: DCOM endpoint mapper on the FactoryTalk AssetCentre agent (RpcSs), asked for the dynamic port of a DCOM server.
# cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.dcom-epm-135' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

# ftac.on-agent.dynamic [optional] tcp from ftac-client1, ftac-srv 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre agent (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
# cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.dynamic' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre agent local ports required to be opened (on all agents), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

# ftac.on-agent.event-multiplexer-7600 [optional] tcp from ftac-client1, ftac-srv 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.event-multiplexer-7600' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7600' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 11 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

# ftac.on-agent.eventserver [optional] tcp from ftac-client1, ftac-srv 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.eventserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7700' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.eventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): EventServer.exe; Table 11 FactoryTalkEventServer TCP 7700'

# ftac.on-agent.ftac-server-7002 [optional] tcp from ftac-client1, ftac-srv 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftac-server-7002' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7002' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftac-server-7002: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RA.FTAC.Server.exe'

# ftac.on-agent.ftactivationboost [optional] tcp from ftac-client1, ftac-srv 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftactivationboost' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftactivationboost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTActivationBoost.exe'

# ftac.on-agent.ftae-histserv [optional] tcp from ftac-client1, ftac-srv 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftae-histserv' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '403' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftae-histserv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE_HistServ.exe'

# ftac.on-agent.ftae-web-dataprovider [optional] tcp from ftac-client1, ftac-srv 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftae-web-dataprovider' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21027' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Web.DataProvider.Service.exe'

# ftac.on-agent.ftae-webservice [optional] tcp from ftac-client1, ftac-srv 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftae-webservice' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7150' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftae-webservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTAE.Webservice.exe'

# ftac.on-agent.ftldtagbrowser [optional] tcp from ftac-client1, ftac-srv 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftldtagbrowser' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7159' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLDTagBrowser.exe'

# ftac.on-agent.ftlinxservices [optional] tcp from ftac-client1, ftac-srv 5698: FTLinxServices.exe on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftlinxservices' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5698' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftlinxservices: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLinxServices.exe'

# ftac.on-agent.ftlshortcuteditoruisvc [optional] tcp from ftac-client1, ftac-srv 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftlshortcuteditoruisvc' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5798','5799' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTLShortcutEditorUISvc.exe'

# ftac.on-agent.ftsp-web-server [optional] tcp from ftac-client1, ftac-srv 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftsp-web-server' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7110' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftsp-web-server: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ftsp-web-server.exe'

# ftac.on-agent.ftwebeventserver [optional] tcp from ftac-client1, ftac-srv 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftwebeventserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7113' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftwebeventserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebEventServer.exe'

# ftac.on-agent.ftwebsupportservice [optional] tcp from ftac-client1, ftac-srv 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ftwebsupportservice' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7111' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): FTWebSupportService.exe'

# ftac.on-agent.lmgrd [optional] tcp from ftac-client1, ftac-srv 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.lmgrd' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.lmgrd: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): lmgrd.exe; FactoryTalk AssetCentre agent local ports required to be opened (on all agents), General ports and protocols: Activation 27000-27009'

# ftac.on-agent.localopcserver [optional] tcp from ftac-client1, ftac-srv 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.localopcserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4244' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.localopcserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): LocalOPCServer.exe'

# ftac.on-agent.ramkmsgkernelsvc [optional] tcp from ftac-client1, ftac-srv 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.ramkmsgkernelsvc' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27027' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): ramkMsgKernelSvc.exe'

# ftac.on-agent.raosgi [optional] tcp from ftac-client1, ftac-srv 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.raosgi' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27050-27056','27100' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.raosgi: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): raOSGI.exe'

# ftac.on-agent.rdcyhost [optional] tcp from ftac-client1, ftac-srv 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rdcyhost' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1332' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rdcyhost: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RdcyHost.exe'

# ftac.on-agent.rnaaeserver [optional] tcp from ftac-client1, ftac-srv 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rnaaeserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '6543','9111' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rnaaeserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaAeServer.exe'

# ftac.on-agent.rnadiagnosticssrv [optional] tcp from ftac-client1, ftac-srv 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rnadiagnosticssrv' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7147' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RNADiagnosticsSrv.exe'

# ftac.on-agent.rnadirserver [optional] tcp from ftac-client1, ftac-srv 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rnadirserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rnadirserver: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RnaDirServer.exe; Table 11 FactoryTalkDirectoryServer TCP 7710'

# ftac.on-agent.rslinx-tcp [optional] tcp from ftac-client1, ftac-srv 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rslinx-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rslinx-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

# ftac.on-agent.rslinx-udp [optional] udp from ftac-client1, ftac-srv 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rslinx-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rslinx-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLINX.EXE'

# ftac.on-agent.rslinxng [optional] tcp from ftac-client1, ftac-srv 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rslinxng' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4241','7153' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rslinxng: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG.exe'

# ftac.on-agent.rslinxng02 [optional] tcp from ftac-client1, ftac-srv 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rslinxng02' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rslinxng02: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RSLinxNG02.exe'

# ftac.on-agent.rsvchost-tcp [optional] tcp from ftac-client1, ftac-srv 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rsvchost-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

# ftac.on-agent.rsvchost-udp [optional] udp from ftac-client1, ftac-srv 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre agent.
# cite: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-agent.rsvchost-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.10','10.20.0.31' -Description 'ftac.on-agent.rsvchost-udp: FTAC-RM001 Chapter 5, Table 10 (Ports required, FactoryTalk AssetCentre agent): RsvcHost.exe'

# ftac.server.agent-7004 [optional] tcp from ftac-srv 7004: The server sends the ACD file and schedules to the agent controller.
# cite: FTAC-RM001 Table 4 step 8 (RA.FTAC.Agent ControllerService.exe TCP 7004); Table 6 FTACAgentController TCP 7004 (Server to Agent); Table 10 7004*
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.server.agent-7004' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7004' -RemoteAddress '10.20.0.10' -Description 'ftac.server.agent-7004: FTAC-RM001 Table 4 step 8 (RA.FTAC.Agent ControllerService.exe TCP 7004); Table 6 FTACAgentController TCP 7004 (Server to Agent); Table 10 7004*'

# ==== on ftac-client1 (10.20.0.31)

# ftac.controller.ft-cip-unsolicited [optional] tcp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
# cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
# observed from plc-line-a: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

# ftac.controller.ft-cip-unsolicited [optional] udp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
# cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
# observed from plc-line-a: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

# ftac.directory.dirclient-dcom-dynamic [optional] tcp from ftac-srv 49152-65535: DCOM callbacks from RnaDirServer.exe to RnaDirMultiplexor.exe on the client.
# cite: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)
# observed from ftac-srv: used by 1 answered flow(s), 14 packet(s); range not narrowed: 1 flow(s) used the range without an announcement in the captures
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.directory.dirclient-dcom-dynamic' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-dcom-dynamic: FTAC-RM001 Table 1 steps 5, 9 (Dynamic TCP (DCOM), Directory Server sends to the client computer); Chapter 4 DCOM and Socket.IO (clients respond on Dynamic TCP ports)'

# ftac.directory.dirclient-epm-135 [optional] tcp from ftac-srv 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
# cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

# ftac.directory.dirclient-epm-135 [optional] udp from ftac-srv 135: DCOM endpoint mapper of a Directory client, asked by the Directory server for a callback.
# cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO ('all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server'); Chapter 5 general ports of the server, agent and client (Port 135 TCP)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.directory.dirclient-epm-135' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '135' -RemoteAddress '10.20.0.10' -Description 'ftac.directory.dirclient-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135) and Socket.IO (''all FactoryTalk Directory clients will use Dynamic TCP ports to respond to the server''); Chapter 5 general ports of the server, agent and client (Port 135 TCP)'

# ftac.ft.activation [optional] tcp from ftac-agent1, ftac-srv 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
# cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.activation' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

# ftac.ft.dynamic [optional] tcp from ftac-agent1, ftac-srv 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
# cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.dynamic' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

# ftac.ft.ftlinx-tcp [optional] tcp from ftac-agent1, ftac-srv 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
# cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2221','4241','7153','44818' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

# ftac.ft.ftlinx-udp [optional] udp from ftac-agent1, ftac-srv 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
# cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.ftlinx-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

# ftac.ft.ftlinx02 [optional] tcp from ftac-agent1, ftac-srv 4245: FactoryTalk Linx (RSLinxNG02.exe).
# cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.ftlinx02' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

# ftac.ft.rslinx-classic-tcp [optional] tcp from ftac-agent1, ftac-srv 2222, 44818: RSLinx Classic communication server.
# cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

# ftac.ft.rslinx-classic-udp [optional] udp from ftac-agent1, ftac-srv 2221, 44818: RSLinx Classic communication server (UDP, browsing).
# cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '2221','44818' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

# ftac.ft.rsvchost-tcp [optional] tcp from ftac-agent1, ftac-srv 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
# cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241','60093' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

# ftac.ft.rsvchost-udp [optional] udp from ftac-agent1, ftac-srv 6904: RsvcHost.exe (UDP).
# cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rsvchost-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

# ftac.ft.trace-diagnostics [optional] udp from ftac-agent1, ftac-srv 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
# cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.trace-diagnostics' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21060','21061' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

# ftac.on-client.activation-27010 [optional] tcp from ftac-agent1, ftac-srv 27010: FactoryTalk Activation on the client: port 27010, named only by the client's general list.
# cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.activation-27010' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27010' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.activation-27010: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000 - 27010'

# ftac.on-client.codemeter [optional] tcp from ftac-agent1, ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.codemeter' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22350' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

# ftac.on-client.codemeter [optional] udp from ftac-agent1, ftac-srv 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.codemeter' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '22350' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.codemeter: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): CodeMeter.exe'

# ftac.on-client.dcom-epm-135 [optional] tcp from ftac-agent1, ftac-srv 135: DCOM endpoint mapper on the FactoryTalk AssetCentre client (RpcSs), asked for the dynamic port of a DCOM server.
# cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.dcom-epm-135' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

# ftac.on-client.dynamic [optional] tcp from ftac-agent1, ftac-srv 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre client (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
# cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.dynamic' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre client local ports required to be opened (on all clients), Dynamic port usage (68 dynamic ports observed) and Protocols in use'

# ftac.on-client.event-multiplexer-7600 [optional] tcp from ftac-agent1, ftac-srv 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.event-multiplexer-7600' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7600' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 13 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

# ftac.on-client.eventserver [optional] tcp from ftac-agent1, ftac-srv 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.eventserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7700' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.eventserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): EventServer.exe; Table 13 FactoryTalkEventServer TCP 7700'

# ftac.on-client.ftac-client-21061 [optional] tcp from ftac-agent1, ftac-srv 21061: RA.FTAC.Client.exe (FactoryTalk AssetCentre Client) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.ftac-client-21061' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21061' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.ftac-client-21061: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RA.FTAC.Client.exe'

# ftac.on-client.ftactivationboost [optional] tcp from ftac-agent1, ftac-srv 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.ftactivationboost' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.ftactivationboost: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): FTActivationBoost.exe'

# ftac.on-client.lmgrd [optional] tcp from ftac-agent1, ftac-srv 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.lmgrd' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.lmgrd: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): lmgrd.exe; FactoryTalk AssetCentre client local ports required to be opened (on all clients), General ports and protocols: Activation 27000-27010'

# ftac.on-client.ramkmsgkernelsvc [optional] tcp from ftac-agent1, ftac-srv 27027: ramkMsgKernelSvc.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.ramkmsgkernelsvc' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27027' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.ramkmsgkernelsvc: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): ramkMsgKernelSvc.exe'

# ftac.on-client.raosgi [optional] tcp from ftac-agent1, ftac-srv 27050-27056, 27100: raOSGI.exe (necessary for Studio 5000 Logix Designer) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.raosgi' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27050-27056','27100' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.raosgi: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): raOSGI.exe'

# ftac.on-client.rnadiagnosticssrv [optional] tcp from ftac-agent1, ftac-srv 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.rnadiagnosticssrv' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7147' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RNADiagnosticsSrv.exe'

# ftac.on-client.rnadirserver [optional] tcp from ftac-agent1, ftac-srv 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.rnadirserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.rnadirserver: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RnaDirServer.exe; Table 13 FactoryTalkDirectoryServer TCP 7710'

# ftac.on-client.rslinx-tcp [optional] tcp from ftac-agent1, ftac-srv 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.rslinx-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.rslinx-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

# ftac.on-client.rslinx-udp [optional] udp from ftac-agent1, ftac-srv 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.rslinx-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.rslinx-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLINX.EXE'

# ftac.on-client.rslinxng [optional] tcp from ftac-agent1, ftac-srv 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.rslinxng' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4241','7153' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.rslinxng: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG.exe'

# ftac.on-client.rslinxng02 [optional] tcp from ftac-agent1, ftac-srv 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.rslinxng02' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.rslinxng02: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RSLinxNG02.exe'

# ftac.on-client.rsvchost-tcp [optional] tcp from ftac-agent1, ftac-srv 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.rsvchost-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

# ftac.on-client.rsvchost-udp [optional] udp from ftac-agent1, ftac-srv 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre client.
# cite: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-client.rsvchost-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.10','10.20.0.21' -Description 'ftac.on-client.rsvchost-udp: FTAC-RM001 Chapter 5, Table 12 (Ports required, FactoryTalk AssetCentre client): RsvcHost.exe'

# ftac.server.client-notify-dynamic [optional] tcp from ftac-srv 49152-65535: The server notifies RA.FTAC.Client.exe that a schedule completed.
# cite: FTAC-RM001 Table 4 step 15 (FactoryTalk AssetCentre Server notifies Clients; RA.FTAC.Client.exe Dynamic TCP)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.server.client-notify-dynamic' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.10' -Description 'ftac.server.client-notify-dynamic: FTAC-RM001 Table 4 step 15 (FactoryTalk AssetCentre Server notifies Clients; RA.FTAC.Client.exe Dynamic TCP)'

# ==== on ftac-srv (10.20.0.10)

# ftac.agent.server-7002 [optional] tcp from ftac-agent1 7002: The agent asks the server for the archived ACD file and sends back the uploaded one (Disaster Recovery backup).
# cite: FTAC-RM001 Table 4 steps 5, 13 (RA.FTAC.Server.exe TCP 7002); Table 6 FTACServer TCP 7002; Table 8 RA.FTAC.Server.exe 7002*
# observed from ftac-agent1: used by 1 answered flow(s), 11 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.agent.server-7002' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7002' -RemoteAddress '10.20.0.21' -Description 'ftac.agent.server-7002: FTAC-RM001 Table 4 steps 5, 13 (RA.FTAC.Server.exe TCP 7002); Table 6 FTACServer TCP 7002; Table 8 RA.FTAC.Server.exe 7002*'

# ftac.client.server-http [optional] tcp from ftac-client1 80, 443: RA.FTAC.Client.exe to RA.FTAC.Server.exe: licence and configuration information, backup schedules.
# cite: FTAC-RM001 Table 3 steps 3, 4, 5, 8 and Table 4 step 2 (TCP 443 (HTTPS), TCP 80 (HTTP)); Table 8 (80 (HTTP), 443 || <custom port> (HTTPS))
# observed from ftac-client1: used by 2 answered flow(s), 34 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.client.server-http' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80','443' -RemoteAddress '10.20.0.31' -Description 'ftac.client.server-http: FTAC-RM001 Table 3 steps 3, 4, 5, 8 and Table 4 step 2 (TCP 443 (HTTPS), TCP 80 (HTTP)); Table 8 (80 (HTTP), 443 || <custom port> (HTTPS))'

# ftac.controller.ft-cip-unsolicited [optional] tcp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
# cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
# observed from plc-line-a: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

# ftac.controller.ft-cip-unsolicited [optional] udp from plc-line-a 44818: Unsolicited CIP messages from controllers to FactoryTalk Linx / RSLinx.
# cite: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP
# observed from plc-line-a: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.controller.ft-cip-unsolicited' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.1.11' -Description 'ftac.controller.ft-cip-unsolicited: FTAC-RM001 Chapter 5, server, agent and client additional functionality ports: Port 44818 CIP port to receive Unsolicited Message and browsing request FactoryTalk Linx; Tables 8, 10, 12 RSLINX.EXE 44818 TCP/UDP'

# ftac.dirclient.directory-dcom-dynamic [optional] tcp from ftac-client1 49731: DCOM calls from RnaDirMultiplexor.exe to RnaDirServer.exe on the port the endpoint mapper gave.
# cite: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)
# observed from ftac-client1: used by 1 answered flow(s), 14 packet(s); narrowed from the documented 49152-65535 to the negotiated 49731 (evidence: dcerpc-epm ept_map at 2026-03-02T08:00:01.200615Z on 10.20.0.31:49951 -> 10.20.0.10:135 announced 49731); dynamic ports can change between sessions: pin them on the server or keep the range
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.dirclient.directory-dcom-dynamic (ftac-client1)' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49731' -RemoteAddress '10.20.0.31' -Description 'ftac.dirclient.directory-dcom-dynamic: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)'

# ftac.dirclient.directory-dcom-dynamic [optional] tcp from ftac-agent1 49733: DCOM calls from RnaDirMultiplexor.exe to RnaDirServer.exe on the port the endpoint mapper gave.
# cite: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)
# observed from ftac-agent1: used by 1 answered flow(s), 14 packet(s); narrowed from the documented 49152-65535 to the negotiated 49733 (evidence: dcerpc-epm ept_map at 2026-03-02T08:00:01.300740Z on 10.20.0.21:62216 -> 10.20.0.10:135 announced 49733); dynamic ports can change between sessions: pin them on the server or keep the range
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.dirclient.directory-dcom-dynamic (ftac-agent1)' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49733' -RemoteAddress '10.20.0.21' -Description 'ftac.dirclient.directory-dcom-dynamic: FTAC-RM001 Table 1 steps 4, 8 and Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 4 DCOM (dynamic ports 49152-65535)'

# ftac.dirclient.directory-epm-135 [optional] tcp from ftac-agent1, ftac-client1 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
# cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
# observed from ftac-agent1: used by 1 answered flow(s), 14 packet(s)
# observed from ftac-client1: used by 1 answered flow(s), 14 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

# ftac.dirclient.directory-epm-135 [optional] udp from ftac-agent1, ftac-client1 135: DCOM endpoint mapper of the Directory server: the client asks for the dynamic port of RnaDirServer.exe.
# cite: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.dirclient.directory-epm-135' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '135' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.dirclient.directory-epm-135: FTAC-RM001 Chapter 4 DCOM (Endpoint Mapper Port: 135, both TCP and UDP); Table 1 steps 4, 8; Table 2 step 6 (Dynamic TCP (DCOM)); Chapter 5 general ports (Port 135 TCP)'

# ftac.dirclient.directory-rnadirectory [optional] tcp from ftac-agent1, ftac-client1 3060, 7710: RNADirectory (RnaDirServer.exe): Directory file synchronization to client computers (3060) and the Directory server service (7710).
# cite: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.dirclient.directory-rnadirectory' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.dirclient.directory-rnadirectory: FTAC-RM001 Table 7 RNADirectory (TCP 3060, synchronizing FactoryTalk Directory files to client computers); Table 9 FactoryTalkDirectoryServer TCP 7710; Tables 8, 10, 12 RnaDirServer.exe 3060 and 7710'

# ftac.dirclient.directory-socketio [optional] tcp from ftac-agent1, ftac-client1 80, 443: Socket.IO (long polling by default, or WebSocket) from RnaDirMultiplexor.exe and the event services to RnaDirServer.exe: directory attributes and data.
# cite: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.dirclient.directory-socketio' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80','443' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.dirclient.directory-socketio: FTAC-RM001 Table 1 steps 3, 4, 7, 8; Table 2 step 5 (TCP 443 (HTTPS), TCP 80 (HTTP), Dynamic TCP (Socket.IO)); Chapter 4 Socket.IO'

# ftac.ft.activation [optional] tcp from ftac-agent1, ftac-client1 27000-27009: FactoryTalk Activation (lmgrd.exe): licence checks against the computer holding the activations.
# cite: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.activation' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.activation: FTAC-RM001 Table 7 Activation Service (FactoryTalk Activation Service): TCP ports 27000 - 27009'

# ftac.ft.dynamic [optional] tcp from ftac-agent1, ftac-client1 49152-65535: Dynamic TCP ports between FactoryTalk computers: event multiplexer and event server, Directory, DCOM servers.
# cite: FTAC-RM001 About this publication ('DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications'); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.dynamic' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.dynamic: FTAC-RM001 About this publication (''DCOM and dynamic ports are a requirement between the machines running various FactoryTalk software applications''); Table 7 EventClientMultiplexer, EventServer, RNADirectory, RNADirMultiplexor (TCP: Dynamic); Chapter 4 DCOM'

# ftac.ft.ftlinx-tcp [optional] tcp from ftac-agent1, ftac-client1 2221, 4241, 7153, 44818: FactoryTalk Linx (RSLinxNG.exe).
# cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.ftlinx-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2221','4241','7153','44818' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.ftlinx-tcp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): TCP ports 2221, 4241, 7153 and 44818'

# ftac.ft.ftlinx-udp [optional] udp from ftac-agent1, ftac-client1 44818: FactoryTalk Linx (RSLinxNG.exe), UDP browsing.
# cite: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.ftlinx-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.ftlinx-udp: FTAC-RM001 Table 7 RSLinxNG (FactoryTalk Linx): UDP port 44818'

# ftac.ft.ftlinx02 [optional] tcp from ftac-agent1, ftac-client1 4245: FactoryTalk Linx (RSLinxNG02.exe).
# cite: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.ftlinx02' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.ftlinx02: FTAC-RM001 Table 7 RSLinxNG02 (FactoryTalk Linx): TCP port 4245'

# ftac.ft.rslinx-classic-tcp [optional] tcp from ftac-agent1, ftac-client1 2222, 44818: RSLinx Classic communication server.
# cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rslinx-classic-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.rslinx-classic-tcp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): TCP ports 2222 and 44818'

# ftac.ft.rslinx-classic-udp [optional] udp from ftac-agent1, ftac-client1 2221, 44818: RSLinx Classic communication server (UDP, browsing).
# cite: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rslinx-classic-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '2221','44818' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.rslinx-classic-udp: FTAC-RM001 Table 7 RSLinx (RSLinx Classic): UDP ports 2221 and 44818'

# ftac.ft.rsvchost-tcp [optional] tcp from ftac-agent1, ftac-client1 4255, 5241, 60093: RsvcHost.exe: Application Server, FactoryTalk Diagnostics, session status.
# cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rsvchost-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241','60093' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.rsvchost-tcp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): TCP ports 4255, 5241 and 60093'

# ftac.ft.rsvchost-udp [optional] udp from ftac-agent1, ftac-client1 6904: RsvcHost.exe (UDP).
# cite: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.rsvchost-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.rsvchost-udp: FTAC-RM001 Table 7 RsvcHost (Rockwell Automation Application Services): UDP port 6904'

# ftac.ft.trace-diagnostics [optional] udp from ftac-agent1, ftac-client1 21060, 21061: Trace diagnostics forwarding (RA.FT.TraceDiagnostics.TraceService.exe).
# cite: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.trace-diagnostics' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21060','21061' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.ft.trace-diagnostics: FTAC-RM001 Table 7 FT.TraceDiagnostics (Rockwell Automation Trace Diagnostics Server): UDP ports 21060 and 21061'

# ftac.on-server.agentcontroller-21061 [optional] udp from ftac-agent1, ftac-client1 21061: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.agentcontroller-21061' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '21061' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.agentcontroller-21061: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

# ftac.on-server.agentcontroller-7004 [optional] tcp from ftac-agent1, ftac-client1 7004: RA.FTAC.AgentController Service.exe (FactoryTalk AssetCentre Agent Controller) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.agentcontroller-7004' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7004' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.agentcontroller-7004: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.AgentController Service.exe'

# ftac.on-server.cmwebadmin [optional] tcp from ftac-agent1, ftac-client1 22352: CmWebAdmin.exe (CodeMeter WebAdmin) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.cmwebadmin' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22352' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.cmwebadmin: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CmWebAdmin.exe'

# ftac.on-server.codemeter [optional] tcp from ftac-agent1, ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.codemeter' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '22350' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

# ftac.on-server.codemeter [optional] udp from ftac-agent1, ftac-client1 22350: CodeMeter.exe (CodeMeter Runtime Server, licensing) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.codemeter' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '22350' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.codemeter: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): CodeMeter.exe'

# ftac.on-server.dcom-epm-135 [optional] tcp from ftac-agent1, ftac-client1 135: DCOM endpoint mapper on the FactoryTalk AssetCentre server (RpcSs), asked for the dynamic port of a DCOM server.
# cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.dcom-epm-135' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '135' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.dcom-epm-135: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, General ports and protocols: Port 135 TCP - DCOM endpoint mapper'

# ftac.on-server.dynamic [optional] tcp from ftac-agent1, ftac-client1 49152-65535: Dynamic TCP ports 49152-65535 of the FactoryTalk services on the FactoryTalk AssetCentre server (DCOM servers, ActivationNotifier, flexsvr, EventServer, RnaDirMultiplexor and the other listed executables).
# cite: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# Windows can follow the endpoint mapper instead of opening a range: -LocalPort RPC
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.dynamic' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.dynamic: FTAC-RM001 Chapter 5, FactoryTalk AssetCentre server local ports required to be opened, Dynamic port usage (51 dynamic ports observed) and Protocols in use'

# ftac.on-server.event-multiplexer-7600 [optional] tcp from ftac-agent1, ftac-client1 7600: EventClientMultiplexer.exe (FactoryTalk Event Multiplexer) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.event-multiplexer-7600' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7600' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.event-multiplexer-7600: FTAC-RM001 Chapter 5, Table 9 (Services to be configured): FactoryTalkEventMultiplexer TCP 7600, EventClientMultiplexer.exe'

# ftac.on-server.eventserver [optional] tcp from ftac-agent1, ftac-client1 7700: EventServer.exe (FactoryTalk Event Server) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.eventserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7700' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.eventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): EventServer.exe; Table 9 FactoryTalkEventServer TCP 7700'

# ftac.on-server.ftac-server-7002 [optional] tcp from ftac-agent1, ftac-client1 7002: RA.FTAC.Server.exe (FactoryTalk AssetCentre Server) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftac-server-7002' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7002' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftac-server-7002: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RA.FTAC.Server.exe'

# ftac.on-server.ftactivationboost [optional] tcp from ftac-agent1, ftac-client1 54967, 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987: FTActivationBoost.exe (FactoryTalk Activation Helper); 54967, or if unavailable 54977, 54987, 55967, 55977, 55987, 61967, 61977, 61987 on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftactivationboost' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '54967','54977','54987','55967','55977','55987','61967','61977','61987' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftactivationboost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTActivationBoost.exe'

# ftac.on-server.ftae-histserv [optional] tcp from ftac-agent1, ftac-client1 403: FTAE_HistServ.exe (Alarms and Events history) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftae-histserv' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '403' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftae-histserv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE_HistServ.exe'

# ftac.on-server.ftae-web-dataprovider [optional] tcp from ftac-agent1, ftac-client1 21027: FTAE.Web.DataProvider.Service.exe on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftae-web-dataprovider' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21027' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftae-web-dataprovider: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Web.DataProvider.Service.exe'

# ftac.on-server.ftae-webservice [optional] tcp from ftac-agent1, ftac-client1 7150: FTAE.Webservice.exe on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftae-webservice' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7150' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftae-webservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTAE.Webservice.exe'

# ftac.on-server.ftldtagbrowser [optional] tcp from ftac-agent1, ftac-client1 7159: FTLDTagBrowser.exe on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftldtagbrowser' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7159' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftldtagbrowser: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLDTagBrowser.exe'

# ftac.on-server.ftlinxservices [optional] tcp from ftac-agent1, ftac-client1 5698: FTLinxServices.exe on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftlinxservices' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5698' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftlinxservices: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLinxServices.exe'

# ftac.on-server.ftlshortcuteditoruisvc [optional] tcp from ftac-agent1, ftac-client1 5798, 5799: FTLShortcutEditorUISvc.exe on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftlshortcuteditoruisvc' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5798','5799' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftlshortcuteditoruisvc: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTLShortcutEditorUISvc.exe'

# ftac.on-server.ftsp-web-server [optional] tcp from ftac-agent1, ftac-client1 7110: ftsp-web-server.exe on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftsp-web-server' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7110' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftsp-web-server: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): ftsp-web-server.exe'

# ftac.on-server.ftwebeventserver [optional] tcp from ftac-agent1, ftac-client1 7113: FTWebEventServer.exe on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftwebeventserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7113' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftwebeventserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebEventServer.exe'

# ftac.on-server.ftwebsupportservice [optional] tcp from ftac-agent1, ftac-client1 7111: FTWebSupportService.exe on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.ftwebsupportservice' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7111' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.ftwebsupportservice: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): FTWebSupportService.exe'

# ftac.on-server.lmgrd [optional] tcp from ftac-agent1, ftac-client1 27000-27009: lmgrd.exe (FactoryTalk Activation) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.lmgrd' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '27000-27009' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.lmgrd: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): lmgrd.exe'

# ftac.on-server.localopcserver [optional] tcp from ftac-agent1, ftac-client1 4244: LocalOPCServer.exe on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.localopcserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4244' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.localopcserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): LocalOPCServer.exe'

# ftac.on-server.rdcyhost [optional] tcp from ftac-agent1, ftac-client1 1332: RdcyHost.exe (FactoryTalk Redundancy Services) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rdcyhost' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1332' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rdcyhost: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RdcyHost.exe'

# ftac.on-server.rnaaeserver [optional] tcp from ftac-agent1, ftac-client1 6543, 9111: RnaAeServer.exe (FactoryTalk Alarms and Events Server) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rnaaeserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '6543','9111' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rnaaeserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaAeServer.exe'

# ftac.on-server.rnadiagnosticssrv [optional] tcp from ftac-agent1, ftac-client1 7147: RNADiagnosticsSrv.exe (FactoryTalk Diagnostics Message Server) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rnadiagnosticssrv' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '7147' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rnadiagnosticssrv: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RNADiagnosticsSrv.exe'

# ftac.on-server.rnadirserver [optional] tcp from ftac-agent1, ftac-client1 3060, 7710: RnaDirServer.exe (FactoryTalk Directory Server): 3060, 7710 on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rnadirserver' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3060','7710' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rnadirserver: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RnaDirServer.exe; Table 9 FactoryTalkDirectoryServer TCP 7710'

# ftac.on-server.rslinx-tcp [optional] tcp from ftac-agent1, ftac-client1 2222, 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rslinx-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '2222','44818' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rslinx-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

# ftac.on-server.rslinx-udp [optional] udp from ftac-agent1, ftac-client1 44818: RSLINX.EXE (RSLinx Classic) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rslinx-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rslinx-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLINX.EXE'

# ftac.on-server.rslinxng [optional] tcp from ftac-agent1, ftac-client1 4241, 7153: RSLinxNG.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rslinxng' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4241','7153' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rslinxng: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG.exe'

# ftac.on-server.rslinxng02 [optional] tcp from ftac-agent1, ftac-client1 4245: RSLinxNG02.exe (FactoryTalk Linx) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rslinxng02' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4245' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rslinxng02: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RSLinxNG02.exe'

# ftac.on-server.rsvchost-tcp [optional] tcp from ftac-agent1, ftac-client1 4255, 5241: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rsvchost-tcp' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '4255','5241' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rsvchost-tcp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

# ftac.on-server.rsvchost-udp [optional] udp from ftac-agent1, ftac-client1 6904: RsvcHost.exe (FactoryTalk Application Services) on the FactoryTalk AssetCentre server.
# cite: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.on-server.rsvchost-udp' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '6904' -RemoteAddress '10.20.0.21','10.20.0.31' -Description 'ftac.on-server.rsvchost-udp: FTAC-RM001 Chapter 5, Table 8 (Ports required, FactoryTalk AssetCentre server): RsvcHost.exe'

# ftac.web-client.server-http-80 [conditional (if not using TLS/SSL)] tcp from ftac-web1 80: Browser-based (Web) client to RA.FTAC.Server.exe over HTTP.
# cite: FTAC-RM001 Table 5 steps 2, 4, 5, 7, 8, 9, 12 (TCP 80 (HTTP)); Chapter 5 client general ports: Port 80 HTTP - Browser-based (Web) client interface to server (if not using TLS/SSL); Table 8
# observed from ftac-web1: never used in the captures: candidate to close (level conditional (if not using TLS/SSL))
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.web-client.server-http-80' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80' -RemoteAddress '10.20.0.51' -Description 'ftac.web-client.server-http-80: FTAC-RM001 Table 5 steps 2, 4, 5, 7, 8, 9, 12 (TCP 80 (HTTP)); Chapter 5 client general ports: Port 80 HTTP - Browser-based (Web) client interface to server (if not using TLS/SSL); Table 8'

# ftac.web-client.server-https-443 [conditional (if using TLS/SSL)] tcp from ftac-web1 443: Browser-based (Web) client to RA.FTAC.Server.exe over HTTPS.
# cite: FTAC-RM001 Table 5 steps 2, 4, 5, 7, 8, 9, 12 (TCP 443 (HTTPS)); Chapter 5 server additional functionality ports (Port 443 if HTTPS is enabled for the Browser-based (Web) client) and client general ports (if using TLS/SSL); Table 8 (443 || <custom port>)
# observed from ftac-web1: used by 1 answered flow(s), 10 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.web-client.server-https-443' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '443' -RemoteAddress '10.20.0.51' -Description 'ftac.web-client.server-https-443: FTAC-RM001 Table 5 steps 2, 4, 5, 7, 8, 9, 12 (TCP 443 (HTTPS)); Chapter 5 server additional functionality ports (Port 443 if HTTPS is enabled for the Browser-based (Web) client) and client general ports (if using TLS/SSL); Table 8 (443 || <custom port>)'

# ==== on hcu1500-01 (10.40.1.50)

# pathtrak.server-hcu.ftp-21 [optional] tcp from pathtrak-srv 21: FTP control connection for HCU firmware upgrades.
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP (21); PathTrak Server - outbound destination ports, To HCUs: FTP (21)
# observed from pathtrak-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.ftp-21' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.ftp-21: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP (21); PathTrak Server - outbound destination ports, To HCUs: FTP (21)'

# pathtrak.server-hcu.onc-rpc-services [required] tcp from pathtrak-srv 600-1023: ONC RPC services of the HCU: configuration, data collection.
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC HCU Services (600-1023); same in outbound To HCUs
# observed from pathtrak-srv: attempted, never answered: 1 attempt(s), 4 packet(s) to port(s) 655; not shown to work (tapaudit audit says why), not a candidate to close; range not narrowed: no attempt was answered, so no port is known to work
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.onc-rpc-services' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '600-1023' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.onc-rpc-services: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC HCU Services (600-1023); same in outbound To HCUs'

# pathtrak.server-hcu.portmap-tcp-111 [optional] tcp from pathtrak-srv 111: ONC RPC portmapper queries for the HCU's RPC services (configuration, data collection).
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC Port Mapper (111:UDP/TCP, only TCP used by PathTrak server); same in outbound To HCUs
# observed from pathtrak-srv: used by 1 answered flow(s), 10 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.portmap-tcp-111' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '111' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.portmap-tcp-111: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC Port Mapper (111:UDP/TCP, only TCP used by PathTrak server); same in outbound To HCUs'

# pathtrak.server-hcu400-1500.ftp-data [optional] tcp from pathtrak-srv 1024-5000: FTP PASV data connection to an HCU400 or HCU1500 (firmware upgrade files).
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP Data Connection, data port range 1024-5000 on HCU 400/1500s; same in outbound To HCUs
# observed from pathtrak-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu400-1500.ftp-data' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1024-5000' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu400-1500.ftp-data: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP Data Connection, data port range 1024-5000 on HCU 400/1500s; same in outbound To HCUs'

# ==== on hcu200-01 (10.40.1.20)

# pathtrak.server-hcu.ftp-21 [optional] tcp from pathtrak-srv 21: FTP control connection for HCU firmware upgrades.
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP (21); PathTrak Server - outbound destination ports, To HCUs: FTP (21)
# observed from pathtrak-srv: used by 1 answered flow(s), 34 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.ftp-21' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.ftp-21: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP (21); PathTrak Server - outbound destination ports, To HCUs: FTP (21)'

# pathtrak.server-hcu.onc-rpc-services [required] tcp from pathtrak-srv 812: ONC RPC services of the HCU: configuration, data collection.
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC HCU Services (600-1023); same in outbound To HCUs
# observed from pathtrak-srv: used by 1 answered flow(s), 10 packet(s); narrowed from the documented 600-1023 to the negotiated 812 (evidence: onc-rpc-portmap GETPORT at 2026-03-02T08:00:03.009070Z on 10.40.0.10:39849 -> 10.40.1.20:111 announced 812); dynamic ports can change between sessions: pin them on the server or keep the range
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.onc-rpc-services' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '812' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.onc-rpc-services: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC HCU Services (600-1023); same in outbound To HCUs'

# pathtrak.server-hcu.portmap-tcp-111 [optional] tcp from pathtrak-srv 111: ONC RPC portmapper queries for the HCU's RPC services (configuration, data collection).
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC Port Mapper (111:UDP/TCP, only TCP used by PathTrak server); same in outbound To HCUs
# observed from pathtrak-srv: used by 1 answered flow(s), 10 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.portmap-tcp-111' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '111' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.portmap-tcp-111: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC Port Mapper (111:UDP/TCP, only TCP used by PathTrak server); same in outbound To HCUs'

# pathtrak.server-hcu200.ftp-data [optional] tcp from pathtrak-srv 45000: FTP PASV data connection to an HCU200 (firmware upgrade files).
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP Data Connection, data port range 32768-61000 on HCU200s; same in outbound To HCUs
# observed from pathtrak-srv: used by 1 answered flow(s), 12 packet(s); narrowed from the documented 32768-61000 to the negotiated 45000 (evidence: ftp PASV at 2026-03-02T08:00:04.501870Z on 10.40.0.10:39859 -> 10.40.1.20:21 announced 45000); dynamic ports can change between sessions: pin them on the server or keep the range
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu200.ftp-data' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '45000' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu200.ftp-data: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP Data Connection, data port range 32768-61000 on HCU200s; same in outbound To HCUs'

# ==== on hcu400-01 (10.40.1.40)

# pathtrak.server-hcu.ftp-21 [optional] tcp from pathtrak-srv 21: FTP control connection for HCU firmware upgrades.
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP (21); PathTrak Server - outbound destination ports, To HCUs: FTP (21)
# observed from pathtrak-srv: used by 1 answered flow(s), 34 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.ftp-21' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.ftp-21: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP (21); PathTrak Server - outbound destination ports, To HCUs: FTP (21)'

# pathtrak.server-hcu.onc-rpc-services [required] tcp from pathtrak-srv 901: ONC RPC services of the HCU: configuration, data collection.
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC HCU Services (600-1023); same in outbound To HCUs
# observed from pathtrak-srv: used by 1 answered flow(s), 10 packet(s); narrowed from the documented 600-1023 to the negotiated 901 (evidence: onc-rpc-portmap GETPORT at 2026-03-02T08:00:03.109070Z on 10.40.0.10:39851 -> 10.40.1.40:111 announced 901); dynamic ports can change between sessions: pin them on the server or keep the range
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.onc-rpc-services' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '901' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.onc-rpc-services: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC HCU Services (600-1023); same in outbound To HCUs'

# pathtrak.server-hcu.portmap-tcp-111 [optional] tcp from pathtrak-srv 111: ONC RPC portmapper queries for the HCU's RPC services (configuration, data collection).
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC Port Mapper (111:UDP/TCP, only TCP used by PathTrak server); same in outbound To HCUs
# observed from pathtrak-srv: used by 1 answered flow(s), 10 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.portmap-tcp-111' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '111' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.portmap-tcp-111: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC Port Mapper (111:UDP/TCP, only TCP used by PathTrak server); same in outbound To HCUs'

# pathtrak.server-hcu400-1500.ftp-data [optional] tcp from pathtrak-srv 3127: FTP PASV data connection to an HCU400 or HCU1500 (firmware upgrade files).
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP Data Connection, data port range 1024-5000 on HCU 400/1500s; same in outbound To HCUs
# observed from pathtrak-srv: used by 1 answered flow(s), 12 packet(s); narrowed from the documented 1024-5000 to the negotiated 3127 (evidence: ftp PASV at 2026-03-02T08:00:04.003030Z on 10.40.0.10:39857 -> 10.40.1.40:21 announced 3127); dynamic ports can change between sessions: pin them on the server or keep the range
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu400-1500.ftp-data' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '3127' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu400-1500.ftp-data: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP Data Connection, data port range 1024-5000 on HCU 400/1500s; same in outbound To HCUs'

# ==== on hcu400-02 (10.40.1.41)

# pathtrak.server-hcu.ftp-21 [optional] tcp from pathtrak-srv 21: FTP control connection for HCU firmware upgrades.
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP (21); PathTrak Server - outbound destination ports, To HCUs: FTP (21)
# observed from pathtrak-srv: used by 1 answered flow(s), 34 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.ftp-21' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '21' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.ftp-21: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP (21); PathTrak Server - outbound destination ports, To HCUs: FTP (21)'

# pathtrak.server-hcu.onc-rpc-services [required] tcp from pathtrak-srv 600-1023: ONC RPC services of the HCU: configuration, data collection.
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC HCU Services (600-1023); same in outbound To HCUs
# observed from pathtrak-srv: attempted, never answered: 1 attempt(s), 3 packet(s) to port(s) 733; not shown to work (tapaudit audit says why), not a candidate to close; range not narrowed: no attempt was answered, so no port is known to work
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.onc-rpc-services' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '600-1023' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.onc-rpc-services: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC HCU Services (600-1023); same in outbound To HCUs'

# pathtrak.server-hcu.portmap-tcp-111 [optional] tcp from pathtrak-srv 111: ONC RPC portmapper queries for the HCU's RPC services (configuration, data collection).
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC Port Mapper (111:UDP/TCP, only TCP used by PathTrak server); same in outbound To HCUs
# observed from pathtrak-srv: used by 1 answered flow(s), 10 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu.portmap-tcp-111' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '111' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu.portmap-tcp-111: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: ONC RPC Port Mapper (111:UDP/TCP, only TCP used by PathTrak server); same in outbound To HCUs'

# pathtrak.server-hcu400-1500.ftp-data [optional] tcp from pathtrak-srv 1024-5000: FTP PASV data connection to an HCU400 or HCU1500 (firmware upgrade files).
# cite: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP Data Connection, data port range 1024-5000 on HCU 400/1500s; same in outbound To HCUs
# observed from pathtrak-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-hcu400-1500.ftp-data' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1024-5000' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-hcu400-1500.ftp-data: PathTrak-4.x, HCU - inbound destination ports, From PathTrak Server: FTP Data Connection, data port range 1024-5000 on HCU 400/1500s; same in outbound To HCUs'

# ==== on mail (10.20.0.25)

# ftac.agent.smtp-25 [conditional (if using outbound email)] tcp from ftac-agent1 25: E-mail notifications from an agent.
# cite: FTAC-RM001 Chapter 5, agent general ports and protocols: Port 25 SMTP (if using outbound email)
# observed from ftac-agent1: never used in the captures: candidate to close (level conditional (if using outbound email))
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.agent.smtp-25' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '25' -RemoteAddress '10.20.0.21' -Description 'ftac.agent.smtp-25: FTAC-RM001 Chapter 5, agent general ports and protocols: Port 25 SMTP (if using outbound email)'

# ftac.server.smtp-25 [conditional (if using outbound email)] tcp from ftac-srv 25: E-mail notifications from the AssetCentre server.
# cite: FTAC-RM001 Chapter 5, server general ports and protocols: Port 25 SMTP (if using outbound email)
# observed from ftac-srv: used by 1 answered flow(s), 32 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.server.smtp-25' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '25' -RemoteAddress '10.20.0.10' -Description 'ftac.server.smtp-25: FTAC-RM001 Chapter 5, server general ports and protocols: Port 25 SMTP (if using outbound email)'

# pathtrak.server-smtp.smtp-25 [optional] tcp from pathtrak-srv 25: E-mail notifications.
# cite: PathTrak-4.x, PathTrak Server - outbound destination ports, To email server (optional): SMTP (25, configurable)
# observed from pathtrak-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.server-smtp.smtp-25' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '25' -RemoteAddress '10.40.0.10' -Description 'pathtrak.server-smtp.smtp-25: PathTrak-4.x, PathTrak Server - outbound destination ports, To email server (optional): SMTP (25, configurable)'

# ==== on pathtrak-srv (10.40.0.10)

# pathtrak.client-server.http-80 [optional] tcp from pathtrak-client1 80: PathTrak web user interface over HTTP.
# cite: PathTrak-4.x, PathTrak Server - inbound destination ports, From Clients: HTTP (80 by default, configurable)
# observed from pathtrak-client1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.client-server.http-80' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '80' -RemoteAddress '10.40.0.31' -Description 'pathtrak.client-server.http-80: PathTrak-4.x, PathTrak Server - inbound destination ports, From Clients: HTTP (80 by default, configurable)'

# pathtrak.client-server.https-443 [optional] tcp from pathtrak-client1 443: PathTrak web user interface over HTTPS.
# cite: PathTrak-4.x, PathTrak Server - inbound destination ports, From Clients: HTTPS (443 by default, configurable)
# observed from pathtrak-client1: used by 1 answered flow(s), 11 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.client-server.https-443' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '443' -RemoteAddress '10.40.0.31' -Description 'pathtrak.client-server.https-443: PathTrak-4.x, PathTrak Server - inbound destination ports, From Clients: HTTPS (443 by default, configurable)'

# pathtrak.hcu-server.boot-event-5808 [optional] tcp from hcu1500-01, hcu200-01, hcu400-01, hcu400-02 5808: The HCU reports that it booted.
# cite: PathTrak-4.x, PathTrak Server - inbound destination ports, From HCUs: RPC Boot Event Listener (5808, fixed)
# observed from hcu1500-01: used by 1 answered flow(s), 10 packet(s)
# observed from hcu200-01: used by 1 answered flow(s), 10 packet(s)
# observed from hcu400-01: used by 1 answered flow(s), 10 packet(s)
# observed from hcu400-02: used by 1 answered flow(s), 10 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.hcu-server.boot-event-5808' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5808' -RemoteAddress '10.40.1.20','10.40.1.40','10.40.1.41','10.40.1.50' -Description 'pathtrak.hcu-server.boot-event-5808: PathTrak-4.x, PathTrak Server - inbound destination ports, From HCUs: RPC Boot Event Listener (5808, fixed)'

# pathtrak.hcu-server.portmap-tcp-111 [optional] tcp from hcu1500-01, hcu200-01, hcu400-01, hcu400-02 111: The HCU asks the server's portmapper for the server's RPC services.
# cite: PathTrak-4.x, PathTrak Server - inbound destination ports, From HCUs: RPC Portmapper (111:UDP/TCP, only TCP used by newer HCUs)
# observed from hcu1500-01: never used in the captures: candidate to close (level optional)
# observed from hcu200-01: never used in the captures: candidate to close (level optional)
# observed from hcu400-01: never used in the captures: candidate to close (level optional)
# observed from hcu400-02: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.hcu-server.portmap-tcp-111' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '111' -RemoteAddress '10.40.1.20','10.40.1.40','10.40.1.41','10.40.1.50' -Description 'pathtrak.hcu-server.portmap-tcp-111: PathTrak-4.x, PathTrak Server - inbound destination ports, From HCUs: RPC Portmapper (111:UDP/TCP, only TCP used by newer HCUs)'

# pathtrak.hcu-server.portmap-udp-111 [optional] udp from hcu1500-01, hcu200-01, hcu400-01, hcu400-02 111: Portmapper queries over UDP from older HCUs.
# cite: PathTrak-4.x, PathTrak Server - inbound destination ports, From HCUs: RPC Portmapper (111:UDP/TCP, only TCP used by newer HCUs)
# observed from hcu1500-01: never used in the captures: candidate to close (level optional)
# observed from hcu200-01: never used in the captures: candidate to close (level optional)
# observed from hcu400-01: never used in the captures: candidate to close (level optional)
# observed from hcu400-02: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.hcu-server.portmap-udp-111' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '111' -RemoteAddress '10.40.1.20','10.40.1.40','10.40.1.41','10.40.1.50' -Description 'pathtrak.hcu-server.portmap-udp-111: PathTrak-4.x, PathTrak Server - inbound destination ports, From HCUs: RPC Portmapper (111:UDP/TCP, only TCP used by newer HCUs)'

# pathtrak.hcu-server.rpc-links [required] tcp from hcu1500-01, hcu200-01, hcu400-01, hcu400-02 49152-65535: RPC links from the HCU to the server: the event port (one per HCU) and live session ports.
# cite: PathTrak-4.x, PathTrak Server - inbound destination ports, From HCUs: Other RPC Communication Links (49152-65535, dynamically allocated): event port (1 for each HCU), live session port (1 for each active live session)
# observed from hcu1500-01: attempted, never answered: 1 attempt(s), 2 packet(s) to port(s) 50324; not shown to work (tapaudit audit says why), not a candidate to close; range not narrowed: no attempt was answered, so no port is known to work
# observed from hcu200-01: used by 1 answered flow(s), 10 packet(s); range not narrowed: 1 flow(s) used the range without an announcement in the captures
# observed from hcu400-01: used by 1 answered flow(s), 10 packet(s); range not narrowed: 1 flow(s) used the range without an announcement in the captures
# observed from hcu400-02: used by 1 answered flow(s), 10 packet(s); range not narrowed: 1 flow(s) used the range without an announcement in the captures
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit pathtrak.hcu-server.rpc-links' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '49152-65535' -RemoteAddress '10.40.1.20','10.40.1.40','10.40.1.41','10.40.1.50' -Description 'pathtrak.hcu-server.rpc-links: PathTrak-4.x, PathTrak Server - inbound destination ports, From HCUs: Other RPC Communication Links (49152-65535, dynamically allocated): event port (1 for each HCU), live session port (1 for each active live session)'

# ==== on plc-line-a (10.20.1.11)

# ftac.agent.controller-cip [optional] tcp from ftac-agent1 44818: The agent goes online with the controller and uploads its project (Disaster Recovery backup).
# cite: FTAC-RM001 Table 4 steps 10, 11 (the agent uses FactoryTalk Linx or RSLinx to go online with the controller and Studio 5000 to upload); Table 7 RSLinx, RSLinxNG (TCP 44818)
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.agent.controller-cip' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '44818' -RemoteAddress '10.20.0.21' -Description 'ftac.agent.controller-cip: FTAC-RM001 Table 4 steps 10, 11 (the agent uses FactoryTalk Linx or RSLinx to go online with the controller and Studio 5000 to upload); Table 7 RSLinx, RSLinxNG (TCP 44818)'

# ftac.ft.controller-cip [optional] tcp from ftac-agent1, ftac-client1, ftac-srv 44818: FactoryTalk Linx or RSLinx on a FactoryTalk computer talking CIP to a controller (online, upload, browsing, inventory).
# cite: FTAC-RM001 Table 7 RSLinx and RSLinxNG ('connect to legacy and modern automation devices'; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.controller-cip' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '44818' -RemoteAddress '10.20.0.10','10.20.0.21','10.20.0.31' -Description 'ftac.ft.controller-cip: FTAC-RM001 Table 7 RSLinx and RSLinxNG (''connect to legacy and modern automation devices''; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)'

# ftac.ft.controller-cip [optional] udp from ftac-agent1, ftac-client1, ftac-srv 44818: FactoryTalk Linx or RSLinx on a FactoryTalk computer talking CIP to a controller (online, upload, browsing, inventory).
# cite: FTAC-RM001 Table 7 RSLinx and RSLinxNG ('connect to legacy and modern automation devices'; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)
# observed from ftac-agent1: never used in the captures: candidate to close (level optional)
# observed from ftac-client1: never used in the captures: candidate to close (level optional)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.ft.controller-cip' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '44818' -RemoteAddress '10.20.0.10','10.20.0.21','10.20.0.31' -Description 'ftac.ft.controller-cip: FTAC-RM001 Table 7 RSLinx and RSLinxNG (''connect to legacy and modern automation devices''; TCP and UDP 44818); FTACInventoryCrawler (Table 6, scans connected devices)'

# ==== on scada-a (10.30.0.11)

# clearscada.dmz-to-server.deny-icmp [deny] icmp from scada-dmz: A DMZ permanent standby does not poll the main server with ICMP.
# cite: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers 'do not perform ICMP polling of the main server'
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-icmp' -Direction Inbound -Action Block -Protocol ICMPv4 -RemoteAddress '172.16.30.11' -Description 'clearscada.dmz-to-server.deny-icmp: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers ''do not perform ICMP polling of the main server'''

# clearscada.dmz-to-server.deny-tcp [deny] tcp from scada-dmz 1-65535: A DMZ permanent standby does not establish links to the main server.
# cite: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, 'but not the other way around'
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-tcp' -Direction Inbound -Action Block -Protocol TCP -RemoteAddress '172.16.30.11' -Description 'clearscada.dmz-to-server.deny-tcp: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, ''but not the other way around'''

# clearscada.partner.icmp [required] icmp from scada-b: ICMP poll of the partner server's hardware and of the network in between.
# cite: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row
# observed from scada-b: used by 1 answered flow(s), 2 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.partner.icmp' -Direction Inbound -Action Allow -Protocol ICMPv4 -RemoteAddress '10.30.0.12' -Description 'clearscada.partner.icmp: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row'

# clearscada.partner.tcp-5481 [required] tcp from scada-b 5481: Partner link: main -> standby synchronization of data and configuration; standby -> main control requests and proxied actions; status checks of partner servers.
# cite: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row
# observed from scada-b: used by 1 answered flow(s), 14 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.partner.tcp-5481' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5481' -RemoteAddress '10.30.0.12' -Description 'clearscada.partner.tcp-5481: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row'

# ==== on scada-b (10.30.0.12)

# clearscada.dmz-to-server.deny-icmp [deny] icmp from scada-dmz: A DMZ permanent standby does not poll the main server with ICMP.
# cite: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers 'do not perform ICMP polling of the main server'
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-icmp' -Direction Inbound -Action Block -Protocol ICMPv4 -RemoteAddress '172.16.30.11' -Description 'clearscada.dmz-to-server.deny-icmp: ClearSCADA-Redundancy, Server to Server connections, Note: DMZ Permanent Standby servers ''do not perform ICMP polling of the main server'''

# clearscada.dmz-to-server.deny-tcp [deny] tcp from scada-dmz 1-65535: A DMZ permanent standby does not establish links to the main server.
# cite: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, 'but not the other way around'
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.dmz-to-server.deny-tcp' -Direction Inbound -Action Block -Protocol TCP -RemoteAddress '172.16.30.11' -Description 'clearscada.dmz-to-server.deny-tcp: ClearSCADA-Redundancy, Server to Server connections, Note: firewalls must allow the incoming port and ICMP from the Main to the DMZ standby, ''but not the other way around'''

# clearscada.partner.icmp [required] icmp from scada-a: ICMP poll of the partner server's hardware and of the network in between.
# cite: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row
# observed from scada-a: used by 1 answered flow(s), 2 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.partner.icmp' -Direction Inbound -Action Allow -Protocol ICMPv4 -RemoteAddress '10.30.0.11' -Description 'clearscada.partner.icmp: ClearSCADA-Redundancy, Server to Server connections (bullet 4) and Summary of Port Usage, ICMP row'

# clearscada.partner.tcp-5481 [required] tcp from scada-a 5481: Partner link: main -> standby synchronization of data and configuration; standby -> main control requests and proxied actions; status checks of partner servers.
# cite: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row
# observed from scada-a: used by 1 answered flow(s), 19 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.partner.tcp-5481' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5481' -RemoteAddress '10.30.0.11' -Description 'clearscada.partner.tcp-5481: ClearSCADA-Redundancy, Server to Server connections (bullets 1-3) and Summary of Port Usage, TCP row'

# ==== on scada-dmz (172.16.30.11)

# clearscada.main-to-dmz.icmp [optional] icmp from scada-a, scada-b: Main server -> DMZ permanent standby: ICMP hardware poll.
# cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row
# observed from scada-a: used by 1 answered flow(s), 2 packet(s)
# observed from scada-b: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.main-to-dmz.icmp' -Direction Inbound -Action Allow -Protocol ICMPv4 -RemoteAddress '10.30.0.11','10.30.0.12' -Description 'clearscada.main-to-dmz.icmp: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, ICMP row'

# clearscada.main-to-dmz.tcp-5481 [optional] tcp from scada-a, scada-b 5481: Main server -> DMZ permanent standby: synchronization and status checks on the standby's incoming port.
# cite: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row
# observed from scada-a: used by 1 answered flow(s), 14 packet(s)
# observed from scada-b: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit clearscada.main-to-dmz.tcp-5481' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '5481' -RemoteAddress '10.30.0.11','10.30.0.12' -Description 'clearscada.main-to-dmz.tcp-5481: ClearSCADA-Redundancy, Server to Server connections, Note (DMZ Permanent Standby), and Summary of Port Usage, TCP row'

# ==== on sql-srv (10.20.0.12)

# ftac.server.sql-1433 [required] tcp from ftac-srv 1433: RA.FTAC.Server.exe to the AssetCentre and LLumin databases.
# cite: FTAC-RM001 Table 3 step 6, Table 4 steps 3, 6, 14, Table 5 steps 6, 10 (MSSQLServer TCP 1433); Table 7 MSSQLSERVER TCP 1433; Chapter 5 server general ports (Port 1433 TCP - Default port for FactoryTalk AssetCentre Server communication to Microsoft SQL Server)
# observed from ftac-srv: used by 1 answered flow(s), 15 packet(s)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.server.sql-1433' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1433' -RemoteAddress '10.20.0.10' -Description 'ftac.server.sql-1433: FTAC-RM001 Table 3 step 6, Table 4 steps 3, 6, 14, Table 5 steps 6, 10 (MSSQLServer TCP 1433); Table 7 MSSQLSERVER TCP 1433; Chapter 5 server general ports (Port 1433 TCP - Default port for FactoryTalk AssetCentre Server communication to Microsoft SQL Server)'

# ftac.server.sql-1434 [optional] tcp from ftac-srv 1434: SQL Server Browser: finds the instance's port.
# cite: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.server.sql-1434' -Direction Inbound -Action Allow -Protocol TCP -LocalPort '1434' -RemoteAddress '10.20.0.10' -Description 'ftac.server.sql-1434: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)'

# ftac.server.sql-1434 [optional] udp from ftac-srv 1434: SQL Server Browser: finds the instance's port.
# cite: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)
# observed from ftac-srv: never used in the captures: candidate to close (level optional)
New-NetFirewallRule -Group 'tapaudit' -DisplayName 'tapaudit ftac.server.sql-1434' -Direction Inbound -Action Allow -Protocol UDP -LocalPort '1434' -RemoteAddress '10.20.0.10' -Description 'ftac.server.sql-1434: FTAC-RM001 Tables 3, 4, 5 (MSSQLServer TCP 1433 and 1434); Table 7 MSSQLSERVER UDP 1434; Chapter 5 server general ports (Port 1434 UDP - Recommended static destination port for Microsoft SQL Server)'
