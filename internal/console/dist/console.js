var Z=class extends Error{constructor(o,s,c){super(s);this.code=o;this.requestId=c}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}},Se=null;function Le(e){Se=e}async function h(e,n,o={}){try{return await Ve(e,n,o)}catch(s){if(!(s instanceof Z)||s.code!=="UNAUTHENTICATED"||!o.session||!Se||!await Se())throw s;return Ve(e,n,o)}}async function Ve(e,n,o){let s={"Content-Type":"application/json"};o.session&&(s.Authorization=`Bearer ${o.session.token}`),o.tenantId&&(s["X-Tenant-Id"]=o.tenantId),o.env&&(s["X-Env"]=o.env),o.projectId&&(s["X-Project-Id"]=o.projectId);let c=e.__meta__?.hash,a=c?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:c}}}:{query:e.toString(),variables:n},p;try{p=await fetch("/query",{method:"POST",headers:s,body:JSON.stringify(a)})}catch(P){throw new Z("NETWORK",`the API did not answer: ${String(P)}`,"")}let m=p.headers.get("X-Request-Id")??"",l;try{l=await p.json()}catch{throw new Z(`HTTP_${p.status}`,"the API answered something that is not GraphQL",m)}let d=l.errors?.[0];if(d)throw new Z(d.extensions?.code??"ERROR",d.message,m);if(l.data==null)throw new Z(`HTTP_${p.status}`,"no data in the answer",m);return l.data}function t(e,n={},...o){let s=document.createElement(e);for(let[c,a]of Object.entries(n))s.setAttribute(c,a);return s.append(...o),s}function j(e,n,o){let s=t("button",{type:"button",...n},e);return s.addEventListener("click",o),s}function T(e,n){let o=n instanceof Z?n.describe():`UNEXPECTED: ${String(n)}`;e.replaceChildren(t("p",{role:"alert",class:"error"},o))}function L(e,n,o={}){return[t("label",{for:e},n),t("input",{id:e,...o})]}function _(e,n,o){let s=t("table",{id:e},t("thead",{},t("tr",{},...n.map(c=>t("th",{scope:"col"},c)))),t("tbody",{}));return ce(s,o),s}function ce(e,n,o=!1){let s=[...e.tHead?.rows[0]?.cells??[]].map(a=>a.textContent??"");for(let a of n)[...a.cells].forEach((p,m)=>{let l=s[m];l&&(p.dataset.label=l)});let c=e.tBodies[0]??e.createTBody();o?c.append(...n):c.replaceChildren(...n),e.deleteTFoot(),c.rows.length===0&&e.createTFoot().append(t("tr",{},t("td",{colspan:String(s.length),class:"meta"},"None.")))}function B(...e){return t("tr",{},...e.map(n=>t("td",{},n)))}function U(e={}){return t("div",{"aria-live":"polite",...e})}function K(e,n,o){e.addEventListener("submit",s=>{s.preventDefault(),n.replaceChildren(),o().catch(c=>T(n,c))})}function ne(e,n,o,s){let c=t("select",{id:e},...o.map(([a,p])=>t("option",a===s?{value:a,selected:""}:{value:a},p)));return[t("label",{for:e},n),c]}function me(e){let n=t("div",{},t("p",{},"Loading\u2026"));return e.replaceChildren(n),n}var fe=["dev","staging","prod"];function ue(e){return e.roles.some(n=>n==="ADMIN"||n==="OWNER")}function w(e){let n={session:e.session,tenantId:e.tenantId,env:e.env};return e.projectId&&(n.projectId=e.projectId),n}var xe=[];function Ce(e){xe.push(e)}function de(){let e=xe;xe=[];for(let n of e)n()}var b=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},Ue=new b(`
    query ConsoleServiceAccounts {
  serviceAccounts {
    id
    name
    scopes
    createdAt
  }
}
    `,{hash:"sha256:1ea767cefb5f7ed90745df9840eb4021fc0f060978d0e2e36ce16ddf95d673d7"}),Ne=new b(`
    mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:a47f552fd3ec79f1e9d1d43ac6f70dc69313e192f6cb77819e211b03cc4679e1"}),Oe=new b(`
    mutation ConsoleRotateServiceAccount($id: ID!) {
  rotateServiceAccountSecret(id: $id) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:4839fcb9bfb67d710acc0ce01c7cb111fdf17f317ba4bf61f303251d0513098e"}),Qe=new b(`
    mutation ConsoleDeleteServiceAccount($id: ID!) {
  deleteServiceAccount(id: $id)
}
    `,{hash:"sha256:21a679b174adfc8adc56539fc03ebe0e73b9d809f7edc3ac179aab215535991b"}),Ke=new b(`
    query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
    edges {
      node {
        id
        at
        action
        targetType
        targetId
        requestId
        actor {
          kind
          id
          label
        }
        changes {
          field
          from
          to
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `,{hash:"sha256:409085515745be7851ac3d9b85a8417c701057e419f89c3b3ebe6d2235e38aa0"}),_e=new b(`
    query ConsoleThreads {
  threads(first: 50) {
    id
    title
    createdAt
    lastSeq
  }
}
    `,{hash:"sha256:0f47a2d7104545380b2785f7fc3cad1310842861c3fd2bffcc09389d6105056e"}),He=new b(`
    mutation ConsoleCreateThread($input: CreateThreadInput!) {
  createThread(input: $input) {
    id
  }
}
    `,{hash:"sha256:2df0a0dcbcc6276a42a89d5be7ee6c2974c1b321561434b652f2ee12c57130c2"}),Fe=new b(`
    mutation ConsolePost($input: PostMessageInput!) {
  postMessage(input: $input) {
    seq
  }
}
    `,{hash:"sha256:7a3f43e04b1547da9cee205943b6d163aaaabf6dabb400484faf22ed468ff3c6"}),Be=new b(`
    subscription ConsoleFollow($threadId: ID!, $after: Int) {
  messagePosted(threadId: $threadId, after: $after) {
    seq
    text
    authorId
    createdAt
  }
}
    `,{hash:"sha256:dadf30dd7ad1b3464278bd2285988cdf1807ed52782a1a8f808dee84609956b7"}),We=new b(`
    query ConsoleHome {
  tenants {
    id
    name
    mode {
      id
      name
    }
  }
  myInvitations {
    id
    tenantId
    tenantName
    role
    expiresAt
  }
}
    `,{hash:"sha256:d3f085774093e767df9c897ae30a53d69bf977857c313700337f1d0a1ec01e88"}),Ge=new b(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),ze=new b(`
    mutation ConsoleDecline($id: ID!) {
  declineInvitation(id: $id)
}
    `,{hash:"sha256:2ac911c175ea6a18917fbc120bbbc90f580c0ff84fd7661e4eb59c5dc408ca8d"}),Ye=new b(`
    query ConsoleMembers {
  members {
    userId
    role
    version
    user {
      email
    }
  }
  invitations {
    id
    email
    role
    status
    expiresAt
  }
}
    `,{hash:"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}),Xe=new b(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),Je=new b(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),Ze=new b(`
    mutation ConsoleSetRole($input: SetMemberRoleInput!) {
  setMemberRole(input: $input) {
    userId
    role
    version
  }
}
    `,{hash:"sha256:9a5e515453ecc9c1cfca15800e9b05c22f77d835b853a3a53c14ea6cd94f2684"}),et=new b(`
    mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input)
}
    `,{hash:"sha256:a97d755bec3727c29810d0ea3cfefdd77c0cc3d1f95aab823c04a74eae1db96c"}),tt=new b(`
    query ConsoleRoutes {
  routes {
    resourceKind
    env
    projectId
    backendType
    config {
      key
      value
    }
    secretRefs
    version
    updatedBy
    updatedAt
  }
  projects(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `,{hash:"sha256:48b4fd3dd714ce3ccebdbbb397995b79faedab0b4315076f6495e2f2108541eb"}),nt=new b(`
    query ConsoleResolveRoute($kind: String!) {
  route(resourceKind: $kind) {
    matchedScope
    route {
      tenantId
      env
      projectId
      backendType
      config {
        key
        value
      }
      version
    }
  }
}
    `,{hash:"sha256:0753b0aec69da3a7038397c9f466e48fa3a4edf8de55113c825f16d6c7fb785d"}),ot=new b(`
    mutation ConsoleSetRoute($input: SetRouteInput!) {
  setRoute(input: $input) {
    resourceKind
    version
  }
}
    `,{hash:"sha256:da21df5dcf4e9d95731cc98b083a5264413250a6b07c8442f9764f58407a5848"}),rt=new b(`
    mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
  deleteRoute(input: $input)
}
    `,{hash:"sha256:d8dd7f610e8308e02911a9556eab8e5bb91959cdc58d09e99ec7b9c3e826e4c5"}),it=new b(`
    query ConsoleRoutesPlan($file: String!) {
  routesPlan(file: $file) {
    resourceKind
    env
    projectId
    outcome
    changes {
      field
      from
      to
    }
  }
}
    `,{hash:"sha256:cfba74bee6df28c6e68d0086eaa886bf0636b819110be5209b9bafc10653c6b5"}),st=new b(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    projectId
    version
    deleted
  }
}
    `,{hash:"sha256:c5176f967beed53c4a4e906f7e3add45bd185aaa4fed88d5df95506c7098a765"}),at=new b(`
    mutation ConsoleLogin($input: LoginInput!) {
  login(input: $input) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),ct=new b(`
    mutation ConsoleSignup($input: SignupInput!) {
  signup(input: $input) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),ut=new b(`
    mutation ConsoleRefresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    token
    refreshToken
    expiresAt
    user {
      id
      email
    }
  }
}
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),pt=new b(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}),dt=new b(`
    query ConsoleAllTenants($first: Int, $after: String, $search: String) {
  allTenants(first: $first, after: $after, search: $search) {
    edges {
      node {
        id
        name
        version
        createdAt
        mode {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `,{hash:"sha256:47e5b47e468f6895c0775721638e76daf8154237da587b0626d84a7127c99741"}),lt=new b(`
    mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
  setTenantMode(
    tenantId: $tenantId
    mode: $mode
    expectedVersion: $expectedVersion
  ) {
    id
    version
    mode {
      id
    }
  }
}
    `,{hash:"sha256:562385d272536001dec0d070d04f14523cd4c1ad400b6b721a9d90bc84501a8f"}),mt=new b(`
    query ConsoleModes {
  modes {
    id
    name
    description
    version
  }
}
    `,{hash:"sha256:54e19cc7df333e5489825adfadeb1d9da6a49da8353a032c010a223a1b6a50b1"}),ft=new b(`
    mutation ConsoleCreateMode($input: CreateModeInput!) {
  createMode(input: $input) {
    id
  }
}
    `,{hash:"sha256:d50a320857f7b27c56343c003095e06bd7c93fbb532405d61e7acec317c9f853"}),gt=new b(`
    mutation ConsoleUpdateMode($input: UpdateModeInput!) {
  updateMode(input: $input) {
    id
    version
  }
}
    `,{hash:"sha256:cdf2b1b2ec72f39eaf7a3659a920a9ed028622e9c83a9aa50e081741627e5a55"}),yt=new b(`
    mutation ConsoleDeleteMode($id: ID!) {
  deleteMode(id: $id)
}
    `,{hash:"sha256:15da0e3de043174ac2640e4daf0edc879f707f0f0d7ed840eff50e31a1a62970"}),ht=new b(`
    query ConsoleRoles {
  context {
    roles
  }
  tenant {
    name
  }
  projects(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `,{hash:"sha256:306d4900c2d9ff987e6ba8d9c6386fc646afd8d0f8ee3756c24503093ff10a4c"}),Ct=new b(`
    query ConsoleTenant {
  tenant {
    id
    name
    version
    createdAt
    updatedAt
    mode {
      id
      name
      description
    }
  }
}
    `,{hash:"sha256:6b6bc1d29c9d53f261ec3a31f5caae4939853b3135e83380451b3d5ff2df22ff"}),vt=new b(`
    mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
  updateTenant(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:ca43796b3e678cc2a8261932caff18051e0f455b9ad515af72934f1c42fc3625"}),bt=new b(`
    query ConsoleProjects {
  projects(first: 100, includeArchived: true) {
    edges {
      node {
        id
        name
        version
        archived
      }
    }
  }
  surfaces {
    id
    tenantId
    name
    version
  }
  apps {
    id
    tenantId
    name
    version
  }
}
    `,{hash:"sha256:f0d24efef394f5d7b1d11820e515c3e2763a7f2795d122e0ff6966167e2d7cca"}),It=new b(`
    mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
  updateProject(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:931b8056037b694a4bc10ec2865c5ac1a32f2859a81ead6de14f490effa985da"}),$t=new b(`
    mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
  updateSurface(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:7b069dbad461d22c80a10e45dbb01f8511a25ebc00bb511587083726c011a771"}),St=new b(`
    mutation ConsoleUpdateApp($input: UpdateAppInput!) {
  updateApp(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:c07b1508762771e2a7c34a12548f926a4e545aacd8bbb11592eddfc847b61c48"}),xt=new b(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `,{hash:"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"}),Dt=new b(`
    mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
  archiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:9eefc8c882e1519586695af895727bb6658977042ca0a2957cb59ea17b213a1f"}),At=new b(`
    mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
  unarchiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:4516a9ba000a5696a9b9166d65b6e1d87a79a3dbb465a2a3f70159b5b7b7fc81"}),Tt=new b(`
    mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
  createSurface(input: $input) {
    id
  }
}
    `,{hash:"sha256:9f333deb0ba9cd466b62c825a4c6b3cf5a9b6ed995bf795a56e50a6fabd870aa"}),wt=new b(`
    mutation ConsoleDeleteSurface($id: ID!) {
  deleteSurface(id: $id)
}
    `,{hash:"sha256:8a24f022024e05ec40d80f151761a42da41bf00b30bde8e28114f47ad23059e4"}),Mt=new b(`
    mutation ConsoleCreateApp($input: CreateAppInput!) {
  createApp(input: $input) {
    id
  }
}
    `,{hash:"sha256:1d5c9086a2bb702f0de85c0edd670fab1b88c6cc02e353dfb78edf619b3fe8f6"}),Rt=new b(`
    mutation ConsoleDeleteApp($id: ID!) {
  deleteApp(id: $id)
}
    `,{hash:"sha256:51d6cd5d10ff36a6c35487412e6959998a62ddf15eb2d8d2804e63c3345361b8"});var Zt={"\n  query ConsoleServiceAccounts {\n    serviceAccounts { id name scopes createdAt }\n  }\n":Ue,"\n  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }\n  }\n":Ne,"\n  mutation ConsoleRotateServiceAccount($id: ID!) {\n    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }\n  }\n":Oe,"\n  mutation ConsoleDeleteServiceAccount($id: ID!) {\n    deleteServiceAccount(id: $id)\n  }\n":Qe,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Ke,"\n  query ConsoleThreads {\n    threads(first: 50) { id title createdAt lastSeq }\n  }\n":_e,"\n  mutation ConsoleCreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) { id }\n  }\n":He,"\n  mutation ConsolePost($input: PostMessageInput!) {\n    postMessage(input: $input) { seq }\n  }\n":Fe,"\n  subscription ConsoleFollow($threadId: ID!, $after: Int) {\n    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }\n  }\n":Be,"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId tenantName role expiresAt }\n  }\n":We,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":Ge,"\n  mutation ConsoleDecline($id: ID!) {\n    declineInvitation(id: $id)\n  }\n":ze,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":Ye,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":Xe,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":Je,"\n  mutation ConsoleSetRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) { userId role version }\n  }\n":Ze,"\n  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n":et,"\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":tt,"\n  query ConsoleResolveRoute($kind: String!) {\n    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }\n  }\n":nt,"\n  mutation ConsoleSetRoute($input: SetRouteInput!) {\n    setRoute(input: $input) { resourceKind version }\n  }\n":ot,"\n  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {\n    deleteRoute(input: $input)\n  }\n":rt,"\n  query ConsoleRoutesPlan($file: String!) {\n    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }\n  }\n":it,"\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env projectId version deleted }\n  }\n":st,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":at,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":ct,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":ut,"\n  mutation ConsoleLogout {\n    logout\n  }\n":pt,"\n  query ConsoleAllTenants($first: Int, $after: String, $search: String) {\n    allTenants(first: $first, after: $after, search: $search) {\n      edges { node { id name version createdAt mode { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":dt,"\n  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {\n    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }\n  }\n":lt,"\n  query ConsoleModes {\n    modes { id name description version }\n  }\n":mt,"\n  mutation ConsoleCreateMode($input: CreateModeInput!) {\n    createMode(input: $input) { id }\n  }\n":ft,"\n  mutation ConsoleUpdateMode($input: UpdateModeInput!) {\n    updateMode(input: $input) { id version }\n  }\n":gt,"\n  mutation ConsoleDeleteMode($id: ID!) {\n    deleteMode(id: $id)\n  }\n":yt,"\n  query ConsoleRoles {\n    context { roles }\n    tenant { name }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":ht,"\n  query ConsoleTenant {\n    tenant { id name version createdAt updatedAt mode { id name description } }\n  }\n":Ct,"\n  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) { id name version }\n  }\n":vt,"\n  query ConsoleProjects {\n    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }\n    surfaces { id tenantId name version }\n    apps { id tenantId name version }\n  }\n":bt,"\n  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) { id name version }\n  }\n":It,"\n  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {\n    updateSurface(input: $input) { id name version }\n  }\n":$t,"\n  mutation ConsoleUpdateApp($input: UpdateAppInput!) {\n    updateApp(input: $input) { id name version }\n  }\n":St,"\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n":xt,"\n  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {\n    archiveProject(input: $input) { id archived }\n  }\n":Dt,"\n  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {\n    unarchiveProject(input: $input) { id archived }\n  }\n":At,"\n  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {\n    createSurface(input: $input) { id }\n  }\n":Tt,"\n  mutation ConsoleDeleteSurface($id: ID!) {\n    deleteSurface(id: $id)\n  }\n":wt,"\n  mutation ConsoleCreateApp($input: CreateAppInput!) {\n    createApp(input: $input) { id }\n  }\n":Mt,"\n  mutation ConsoleDeleteApp($id: ID!) {\n    deleteApp(id: $id)\n  }\n":Rt};function C(e){return Zt[e]??{}}var en=C(`
  query ConsoleAllTenants($first: Int, $after: String, $search: String) {
    allTenants(first: $first, after: $after, search: $search) {
      edges { node { id name version createdAt mode { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),tn=C(`
  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }
  }
`),Pt=C(`
  query ConsoleModes {
    modes { id name description version }
  }
`),nn=C(`
  mutation ConsoleCreateMode($input: CreateModeInput!) {
    createMode(input: $input) { id }
  }
`),on=C(`
  mutation ConsoleUpdateMode($input: UpdateModeInput!) {
    updateMode(input: $input) { id version }
  }
`),rn=C(`
  mutation ConsoleDeleteMode($id: ID!) {
    deleteMode(id: $id)
  }
`),pe={tenantId:"t_system"};async function De(e,n){history.replaceState(null,"","#system");let o=me(n),s=t("section",{}),c=t("section",{});o.replaceChildren(t("h2",{},"System"),s,c),await Promise.all([sn(e,s),kt(e,c)])}async function sn(e,n){let[o,s]=L("tenant-search","Search by name or id",{type:"search"}),c=U({id:"all-tenants-status"}),a=_("all-tenants",["Name","Id","Mode","Version","Created"],[]),p=t("div",{class:"pager"}),m=[],l=null,d="",P=async v=>{let[{allTenants:r},{modes:f}]=await Promise.all([h(en,{first:20,after:v,search:d||null},{session:e,...pe}),h(Pt,{},{session:e,...pe})]);l=v,ce(a,r.edges.map(({node:g})=>{let[,M]=ne(`mode-of-${g.id}`,"",f.map(y=>[y.id,y.name]),g.mode.id);M.setAttribute("aria-label",`Mode of ${g.name}`);let u=async()=>{let y;try{await h(tn,{tenantId:g.id,mode:M.value,expectedVersion:g.version},{session:e,...pe})}catch(V){y=V}await P(l),y!==void 0&&T(c,y)};return M.addEventListener("change",()=>{u().catch(y=>T(c,y))}),B(g.name,g.id,M,String(g.version),g.createdAt)}));let D=r.pageInfo.endCursor??null;p.replaceChildren(...m.length>0?[j("Previous page",{id:"tenants-previous"},()=>{P(m.pop()??null).catch(g=>T(c,g))})]:[],...r.pageInfo.hasNextPage?[j("Next page",{id:"tenants-next"},()=>{m.push(l),P(D).catch(g=>T(c,g))})]:[])},S=t("form",{id:"search-tenants",class:"inline",role:"search"},o,s,t("button",{type:"submit"},"Search"),c);K(S,c,()=>(m.length=0,d=s.value,P(null)));try{await P(null)}catch(v){return T(n,v)}n.replaceChildren(t("h3",{},"All tenants"),S,a,p)}async function kt(e,n){let o=()=>kt(e,n),s=U({id:"modes-status"});try{let{modes:c}=await h(Pt,{},{session:e,...pe}),a=c.map(f=>{let D=t("input",{value:f.name,"aria-label":`Name of ${f.id}`}),g=t("input",{value:f.description??"","aria-label":`Description of ${f.id}`}),M=j("Save",{"aria-label":`Save ${f.id}`},()=>{h(on,{input:{id:f.id,name:D.value,description:g.value||null,expectedVersion:f.version}},{session:e,...pe}).then(o,y=>T(s,y))}),u=j("Delete",{"aria-label":`Delete ${f.id}`},()=>{h(rn,{id:f.id},{session:e,...pe}).then(o,y=>T(s,y))});return B(f.id,D,g,String(f.version),t("span",{},M,u))}),[p,m]=L("mode-id","Id (a-z, 0-9, - and _)",{required:"",pattern:"[a-z0-9_\\-]{1,32}"}),[l,d]=L("mode-name","Name",{required:""}),[P,S]=L("mode-description","Description"),v=U(),r=t("form",{id:"create-mode"},t("h4",{},"New mode"),p,m,l,d,P,S,t("button",{type:"submit"},"Create mode"),v);K(r,v,()=>h(nn,{input:{id:m.value,name:d.value,description:S.value||null}},{session:e,...pe}).then(o)),n.replaceChildren(t("h3",{},"Modes"),_("modes",["Id","Name","Description","Version",""],a),s,r)}catch(c){T(n,c)}}var an=C(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),cn=C(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),un=C(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),pn=C(`
  mutation ConsoleLogout {
    logout
  }
`),ve="northstar.refresh",se=null;function Te(e){return e.refreshToken&&sessionStorage.setItem(ve,e.refreshToken),se&&se.userId===e.user.id?se.token=e.token:se={token:e.token,email:e.user.email,userId:e.user.id},se}var Ae=null;Le(()=>(Ae??=we().then(e=>e!==null).finally(()=>{Ae=null}),Ae));function jt(){return se}async function qt(e,n){let o=await h(an,{input:{email:e,password:n}});return Te(o.login)}async function Et(e,n,o){let s=await h(cn,{input:{email:e,password:n,tenantName:o}});return Te(s.signup)}async function we(){let e=sessionStorage.getItem(ve);if(!e)return null;try{let n=await h(un,{refreshToken:e});return Te(n.refreshSession)}catch{return sessionStorage.removeItem(ve),null}}async function Vt(){let e=se;se=null,sessionStorage.removeItem(ve),e&&await h(pn,{},{session:e}).catch(()=>{})}var dn=C(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);async function Lt(e,n){let[o,s]=L("audit-action","Action (e.g. route.set)"),[c,a]=L("audit-target","Target id"),p=U({id:"audit-status"}),m=_("audit",["When","Action","Target","By","Changes","Request"],[]),l=t("div",{}),d=t("form",{id:"audit-filters",class:"inline"},o,s,c,a,t("button",{type:"submit"},"Filter"),p),P=async S=>{let{auditEvents:v}=await h(dn,{first:20,after:S,action:s.value||null,targetId:a.value||null},w(e));ce(m,v.edges.map(({node:f})=>B(f.at,f.action,`${f.targetType} ${f.targetId}`,f.actor.label??f.actor.id,f.changes.map(D=>`${D.field}: ${D.from??"\u2205"} \u2192 ${D.to??"\u2205"}`).join("; "),f.requestId??"")),S!==null);let r=v.pageInfo.endCursor??null;l.replaceChildren(...v.pageInfo.hasNextPage?[j("Older events",{id:"audit-older"},()=>{P(r).catch(f=>T(p,f))})]:[])};K(d,p,()=>P(null));try{await P(null)}catch(S){return T(n,S)}n.replaceChildren(t("h3",{},"Audit log"),d,m,l)}var ln=C(`
  query ConsoleServiceAccounts {
    serviceAccounts { id name scopes createdAt }
  }
`),mn=C(`
  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }
  }
`),fn=C(`
  mutation ConsoleRotateServiceAccount($id: ID!) {
    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }
  }
`),gn=C(`
  mutation ConsoleDeleteServiceAccount($id: ID!) {
    deleteServiceAccount(id: $id)
  }
`),yn=["routes:read","chat:read","chat:write"];async function Me(e,n,o){let s=a=>Me(e,n,a),c=U({id:"accounts-status"});try{let{serviceAccounts:a}=await h(ln,{},w(e)),p=a.map(r=>B(r.name,r.id,r.scopes.join(", "),r.createdAt,t("span",{},j("Rotate secret",{"aria-label":`Rotate the secret of ${r.name}`},()=>{h(fn,{id:r.id},w(e)).then(f=>s({name:f.rotateServiceAccountSecret.serviceAccount.name,...f.rotateServiceAccountSecret}),f=>T(c,f))}),j("Delete",{"aria-label":`Delete ${r.name}`},()=>{h(gn,{id:r.id},w(e)).then(()=>s(),f=>T(c,f))})))),[m,l]=L("account-name","Name",{required:""}),d=yn.map(r=>t("input",{type:"checkbox",id:`scope-${r.replace(":","-")}`,value:r})),P=U(),S=t("form",{id:"create-account"},t("h3",{},"New service account"),m,l,t("fieldset",{},t("legend",{},"Scopes"),...d.map(r=>t("label",{},r,` ${r.value}`))),t("button",{type:"submit"},"Create"),P);K(S,P,async()=>{let r=d.filter(D=>D.checked).map(D=>D.value),{createServiceAccount:f}=await h(mn,{input:{tenantId:e.tenantId,name:l.value,scopes:r}},w(e));await s({name:f.serviceAccount.name,clientId:f.clientId,clientSecret:f.clientSecret})});let v=[t("h3",{},"Service accounts")];o&&v.push(t("div",{id:"account-secret",role:"status",class:"secret"},t("p",{},`The secret of ${o.name}, shown this once: copy it now.`),t("p",{},"Client id: ",t("code",{},o.clientId)),t("p",{},"Client secret: ",t("code",{id:"client-secret"},o.clientSecret)))),v.push(_("accounts",["Name","Client id","Scopes","Created",""],p),c,S),n.replaceChildren(...v)}catch(a){T(n,a)}}function ee(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function ae(e){return ee(e)==="object"}function hn(e){return Array.isArray(e)&&e.length>0&&e.every(n=>"message"in n)}function Re(e,n){return e.length<124?e:n}var Ut="graphql-transport-ws";var oe=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(oe||{}),re=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(re||{});function Nt(e){if(!ae(e))throw new Error(`Message is expected to be an object, but got ${ee(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${ee(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!ae(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${ee(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ae(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${ee(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${ee(e.payload.query)}`);if(e.payload.variables!=null&&!ae(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${ee(e.payload.variables)}`);if(e.payload.operationName!=null&&ee(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${ee(e.payload.operationName)}`);if(e.payload.extensions!=null&&!ae(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${ee(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${ee(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ae(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${ee(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${ee(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!hn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${ee(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Ot(e,n){return Nt(typeof e=="string"?JSON.parse(e,n):e)}function le(e,n){return Nt(e),JSON.stringify(e,n)}function ke(e){let{url:n,connectionParams:o,lazy:s=!0,onNonLazyError:c=console.error,lazyCloseTimeout:a=0,keepAlive:p=0,disablePong:m,connectionAckWaitTimeout:l=0,retryAttempts:d=5,retryWait:P=async function(E){let x=Math.pow(2,E);await new Promise(k=>setTimeout(k,x*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:S=Pe,on:v,webSocketImpl:r,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,E=>{let x=Math.random()*16|0;return(E=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:D,jsonMessageReviver:g}=e,M;if(r){if(!vn(r))throw new Error("Invalid WebSocket implementation provided");M=r}else typeof WebSocket<"u"?M=WebSocket:typeof global<"u"?M=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(M=window.WebSocket||window.MozWebSocket);if(!M)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let u=M,y=(()=>{let A=(()=>{let x={};return{on(k,O){return x[k]=O,()=>{delete x[k]}},emit(k){"id"in k&&x[k.id]?.(k)}}})(),E={connecting:v?.connecting?[v.connecting]:[],opened:v?.opened?[v.opened]:[],connected:v?.connected?[v.connected]:[],ping:v?.ping?[v.ping]:[],pong:v?.pong?[v.pong]:[],message:v?.message?[A.emit,v.message]:[A.emit],closed:v?.closed?[v.closed]:[],error:v?.error?[v.error]:[]};return{onMessage:A.on,on(x,k){let O=E[x];return O.push(k),()=>{let Q=O.indexOf(k);Q>-1&&O.splice(Q,1)}},emit(x,...k){for(let O of[...E[x]])O(...k)}}})();function V(A){let E=[y.on("error",x=>{E.forEach(k=>k()),A(x)}),y.on("closed",x=>{E.forEach(k=>k()),A(x)})];return()=>E.forEach(x=>x())}let W,H=0,X,$=!1,N=0,te=!1;async function ie(){clearTimeout(X);let[A,E]=await(W??(W=new Promise((O,Q)=>(async()=>{if($){if(await P(N),!H)return W=void 0,Q({code:1e3,reason:"All Subscriptions Gone"});N++}y.emit("connecting",$);let i=new u(typeof n=="function"?await n():n,Ut),I,q;function R(){isFinite(p)&&p>0&&(clearTimeout(q),q=setTimeout(()=>{i.readyState===u.OPEN&&(i.send(le({type:re.Ping})),y.emit("ping",!1,void 0))},p))}V(F=>{W=void 0,clearTimeout(I),clearTimeout(q),Q(F),F instanceof ge&&(i.close(4499,"Terminated"),i.onerror=null,i.onclose=null)}),i.onerror=F=>y.emit("error",F),i.onclose=F=>y.emit("closed",F),i.onopen=async()=>{try{y.emit("opened",i);let F=typeof o=="function"?await o():o;if(i.readyState!==u.OPEN)return;i.send(le(F?{type:re.ConnectionInit,payload:F}:{type:re.ConnectionInit},D)),isFinite(l)&&l>0&&(I=setTimeout(()=>{i.close(oe.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},l)),R()}catch(F){y.emit("error",F),i.close(oe.InternalClientError,Re(F instanceof Error?F.message:String(F),"Internal client error"))}};let Y=!1;i.onmessage=({data:F})=>{try{let G=Ot(F,g);if(y.emit("message",G),G.type==="ping"||G.type==="pong"){y.emit(G.type,!0,G.payload),G.type==="pong"?R():m||(i.send(le(G.payload?{type:re.Pong,payload:G.payload}:{type:re.Pong},D)),y.emit("pong",!1,G.payload));return}if(Y)return;if(G.type!==re.ConnectionAck)throw new Error(`First message cannot be of type ${G.type}`);clearTimeout(I),Y=!0,y.emit("connected",i,G.payload,$),$=!1,N=0;let Ee=new Promise((eo,Xt)=>V(Xt));Ee.catch(()=>{}),O([i,Ee])}catch(G){i.onmessage=null,y.emit("error",G),i.close(oe.BadResponse,Re(G instanceof Error?G.message:String(G),"Bad response"))}}})())));A.readyState===u.CLOSING&&await E;let x=()=>{},k=new Promise(O=>x=O);return[A,x,new Promise((O,Q)=>{let i=V(Q);A.readyState!==u.OPEN&&E.catch(Q),k.then(()=>{if(i(),!H){let I=()=>A.close(1e3,"Normal Closure");isFinite(a)&&a>0?(clearTimeout(X),X=setTimeout(()=>{!H&&A.readyState===u.OPEN&&I()},a)):I()}O()})})]}function J(A){if(Pe(A)&&(Cn(A.code)||[oe.InternalServerError,oe.InternalClientError,oe.BadRequest,oe.BadResponse,oe.Unauthorized,oe.SubprotocolNotAcceptable,oe.SubscriberAlreadyExists,oe.TooManyInitialisationRequests].includes(A.code)))throw A;if(te)return!1;if(Pe(A)&&A.code===1e3)return H>0;if(!d||N>=d||!S(A))throw A;return $=!0}s||(async()=>{for(H++;;)try{let[,,A]=await ie();await A}catch(A){try{if(!J(A))return}catch(E){return c?.(E)}}})();function z(A,E){let x=f(A),k=!1,O=!1,Q=()=>{H--,k=!0};return(async()=>{for(H++;;)try{let[i,I,q]=await ie();if(k)return q.catch(()=>{}),I();let R=y.onMessage(x,Y=>{switch(Y.type){case re.Next:{E.next(Y.payload);return}case re.Error:{O=!0,k=!0,E.error(Y.payload),Q();return}case re.Complete:{k=!0,Q();return}}});i.send(le({id:x,type:re.Subscribe,payload:A},D)),Q=()=>{!k&&i.readyState===u.OPEN&&i.send(le({id:x,type:re.Complete},D)),H--,k=!0,I()},await q.finally(R);return}catch(i){if(!J(i))return}})().then(()=>{O||E.complete()}).catch(i=>{E.error(i)}),()=>{k||Q()}}return{on:y.on,subscribe:z,iterate(A){let E=[],x={done:!1,error:null,resolve:()=>{}},k=z(A,{next(Q){E.push(Q),x.resolve()},error(Q){x.done=!0,x.error=Q,x.resolve()},complete(){x.done=!0,x.resolve()}}),O=(async function*(){for(;;){for(E.length||await new Promise(i=>x.resolve=i);E.length;)yield E.shift();if(x.error)throw x.error;if(x.done)return}})();return O.throw=async Q=>(x.done||(x.done=!0,x.error=Q,x.resolve()),{done:!0,value:void 0}),O.return=async()=>(k(),{done:!0,value:void 0}),O},async dispose(){if(te=!0,W){let[A]=await W;A.close(1e3,"Normal Closure")}},terminate(){W&&y.emit("closed",new ge)}}}var ge=class extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1};function Pe(e){return ae(e)&&"code"in e&&"reason"in e}function Cn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function vn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function be(e){let n=`${location.protocol==="https:"?"wss":"ws"}://${location.host}/query`;return ke({url:n,connectionParams:()=>({authorization:e.session?`Bearer ${e.session.token}`:void 0,tenantId:e.tenantId,env:e.env,projectId:e.projectId}),retryAttempts:5})}function Ie(e,n,o,s,c,a=()=>{}){let p=n.__meta__?.hash;return e.subscribe(p?{query:"",variables:o,extensions:{persistedQuery:{version:1,sha256Hash:p}}}:{query:n.toString(),variables:o},{next:m=>{let l=m.errors?.[0];l?c(new Z(String(l.extensions?.code??"ERROR"),l.message,"")):m.data&&s(m.data)},error:m=>c(new Z("SUBSCRIPTION",m instanceof Error?m.message:"the subscription ended with an error","")),complete:a})}var bn=C(`
  query ConsoleThreads {
    threads(first: 50) { id title createdAt lastSeq }
  }
`),In=C(`
  mutation ConsoleCreateThread($input: CreateThreadInput!) {
    createThread(input: $input) { id }
  }
`),$n=C(`
  mutation ConsolePost($input: PostMessageInput!) {
    postMessage(input: $input) { seq }
  }
`),Sn=C(`
  subscription ConsoleFollow($threadId: ID!, $after: Int) {
    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }
  }
`),xn=50;async function je(e,n){if(!e.projectId){n.replaceChildren(t("p",{id:"chat-needs-project"},"Threads belong to a project: choose one in the context bar above."));return}try{let{threads:o}=await h(bn,{},w(e)),s=o.map(l=>B(j(l.title,{"data-thread":l.id},()=>{Qt(e,n,l.id,l.title,l.lastSeq)}),String(l.lastSeq),l.createdAt)),[c,a]=L("new-thread-title","Title",{required:""}),p=U(),m=t("form",{id:"create-thread"},c,a,t("button",{type:"submit"},"Start a thread"),p);K(m,p,async()=>{let{createThread:l}=await h(In,{input:{projectId:e.projectId,title:a.value}},w(e));await Qt(e,n,l.id,a.value,0)}),n.replaceChildren(t("h3",{},`Threads in ${e.env}`),_("threads",["Thread","Messages","Started"],s),m)}catch(o){T(n,o)}}async function Qt(e,n,o,s,c){let a=t("ol",{id:"messages","aria-live":"polite"}),p=t("p",{id:"chat-live"},"Connecting\u2026"),[m,l]=L("message-text","Message",{required:"",maxlength:"4000",autocomplete:"off"}),d=U(),P=t("form",{id:"post-message",class:"inline"},m,l,t("button",{type:"submit"},"Post"),d);if(K(P,d,async()=>{await h($n,{input:{threadId:o,text:l.value}},w(e)),l.value="",l.focus()}),n.replaceChildren(j("All threads",{id:"threads-back"},()=>{je(e,n)}),t("h3",{id:"thread-title"},s),a,p,P),l.focus(),!n.isConnected)return;let S=Math.max(0,c-xn),v={threadId:o,after:S},r=be(w(e));r.on("connected",()=>{p.textContent="Following."}),r.on("closed",()=>{p.textContent="Reconnecting\u2026"});let f=!1,D=()=>{},g=()=>{D=Ie(r,Sn,v,M=>{let u=M.messagePosted;if(u.seq<=S)return;S=u.seq,v.after=u.seq;let y=u.authorId===e.session.userId?"you":u.authorId;a.append(t("li",{"data-seq":String(u.seq)},t("span",{class:"meta"},`${y} \xB7 ${u.createdAt} `),u.text))},M=>T(p,M),()=>{f||g()})};g(),Ce(()=>{f=!0,D(),r.dispose()})}var Dn=C(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),An=C(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),Tn=C(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),wn=C(`
  mutation ConsoleSetRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) { userId role version }
  }
`),Mn=C(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`),Rn=["VIEWER","MEMBER","ADMIN","OWNER"],Kt=Rn.map(e=>[e,e]);async function $e(e,n,o){let s=async()=>{await e.refresh(),await $e(e,n)},c=U({id:"members-status"});o!==void 0&&T(c,o);let a=p=>{p().then(s).catch(m=>T(c,m))};try{let{members:p,invitations:m}=await h(Dn,{},w(e)),l=p.map(g=>{let M=g.user?.email??g.userId,[,u]=ne(`role-${g.userId}`,"",Kt,g.role);u.setAttribute("aria-label",`Role of ${M}`),u.addEventListener("change",()=>{h(wn,{input:{tenantId:e.tenantId,userId:g.userId,role:u.value,expectedVersion:g.version}},w(e)).then(s,V=>$e(e,n,V)).catch(V=>T(c,V))});let y=j("Remove",{"aria-label":`Remove ${M}`},()=>a(()=>h(Mn,{input:{tenantId:e.tenantId,userId:g.userId}},w(e))));return B(M,u,String(g.version),y)}),d=m.map(g=>{let M=g.status==="PENDING"?j("Revoke",{"aria-label":`Revoke the invitation of ${g.email}`},()=>a(()=>h(Tn,{id:g.id},w(e)))):"",u=B(g.email,g.role,g.status,g.expiresAt,M);return u.cells[2]?.setAttribute("class","status"),u}),[P,S]=L("invite-email","Email",{type:"email",required:""}),[v,r]=ne("invite-role","Role",Kt,"MEMBER"),f=U(),D=t("form",{id:"invite"},t("h3",{},"Invite someone"),P,S,v,r,t("button",{type:"submit"},"Invite"),f);K(D,f,()=>h(An,{input:{tenantId:e.tenantId,email:S.value,role:r.value}},w(e)).then(s)),n.replaceChildren(t("h3",{},"Members"),_("members",["Email","Role","Version",""],l),c,t("h3",{},"Invitations"),_("invitations",["Email","Role","Status","Expires",""],d),D)}catch(p){T(n,p)}}var Pn=C(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }
    projects(first: 100) { edges { node { id name } } }
  }
`),kn=C(`
  query ConsoleResolveRoute($kind: String!) {
    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }
  }
`),jn=C(`
  mutation ConsoleSetRoute($input: SetRouteInput!) {
    setRoute(input: $input) { resourceKind version }
  }
`),qn=C(`
  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
    deleteRoute(input: $input)
  }
`),En=C(`
  query ConsoleRoutesPlan($file: String!) {
    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }
  }
`),Vn=C(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env projectId version deleted }
  }
`),_t=e=>e.map(n=>`${n.key}=${n.value}`).join(", "),Ln=(e,n,o,s)=>e.resourceKind===n&&e.env===o&&(e.projectId??"")===s;async function Ht(e,n){let o=[],s=[],c=_("routes",["Kind","Env","Project","Backend","Config","Version","By",""],[]),a=null,p=t("p",{id:"routes-live","aria-live":"polite"},"Following changes\u2026"),m=U({id:"routes-status"}),[l,d]=L("route-kind","Resource kind",{required:"",pattern:"[a-z0-9_]+"}),[P,S]=ne("route-env","Env",fe.map(i=>[i,i]),e.env),[v,r]=ne("route-project","Project",[["","Tenant-wide"]],""),[f,D]=L("route-backend","Backend type",{required:""}),g=t("textarea",{id:"route-config",rows:"3",placeholder:"address=redis.internal:6379"}),M=t("textarea",{id:"route-secrets",rows:"2",placeholder:"password=file:///run/secrets/\u2026"}),u=t("input",{type:"hidden",id:"route-version",value:""}),y=t("p",{id:"route-editing"},"A new route (saving fails if one exists)."),V=U({id:"route-status"}),W=t("form",{id:"set-route"},t("h3",{},"Set a route"),y,l,d,P,S,v,r,f,D,t("label",{for:"route-config"},"Config (key=value per line)"),g,t("label",{for:"route-secrets"},"Secret references (name=reference per line)"),M,u,t("button",{type:"submit"},"Save route"),V),H=i=>{d.value=i.resourceKind,S.value=i.env,r.value=i.projectId??"",D.value=i.backendType,g.value=i.config.map(I=>`${I.key}=${I.value}`).join(`
`),M.value=i.secretRefs.join(`
`),u.value=String(i.version),y.textContent=`Editing ${i.resourceKind} (${i.env}) at version ${i.version}.`,a={kind:i.resourceKind,env:i.env,projectId:i.projectId??""},d.focus()},X=i=>i.split(`
`).map(I=>I.trim()).filter(I=>I!==""),$=()=>{ce(c,o.map(i=>{let I={resourceKind:i.resourceKind,tenantId:e.tenantId,env:i.env,projectId:i.projectId,expectedVersion:i.version},q=t("span",{},j("Edit",{"aria-label":`Edit ${i.resourceKind} (${i.env})`},()=>H(i)),j("Delete",{"aria-label":`Delete ${i.resourceKind} (${i.env})`},()=>{h(qn,{input:I},w(e)).then(N,R=>te(m,R,`${i.resourceKind} (${i.env})`))}));return B(i.resourceKind,i.env,i.projectId??"tenant-wide",i.backendType,_t(i.config),String(i.version),i.updatedBy,q)}))},N=async()=>{let i=await h(Pn,{},w(e));o=i.routes,s=i.projects.edges.map(({node:R})=>[R.id,R.name]);let I=r.value,q=[["","Tenant-wide"],...s];r.replaceChildren(...q.map(([R,Y])=>t("option",{value:R},Y))),r.value=I,$()},te=(i,I,q)=>{T(i,I),!(!(I instanceof Z)||I.code!=="CONFLICT")&&N().then(()=>{let R=o.find(F=>Ln(F,d.value,S.value,r.value)),Y=R?`${q} is now at version ${R.version} (by ${R.updatedBy}). Your edit is kept: save again to replace that version.`:`${q} no longer exists. Your edit is kept: save again to create it.`;u.value=R?String(R.version):"",y.textContent=R?`Editing ${R.resourceKind} (${R.env}) at version ${R.version}.`:"A new route (saving fails if one exists).",i.append(t("p",{class:"resolution"},Y))})};K(W,V,async()=>{let i=X(g.value).map(q=>{let R=q.indexOf("=");return R<0?{key:q,value:""}:{key:q.slice(0,R).trim(),value:q.slice(R+1).trim()}}),I={resourceKind:d.value,tenantId:e.tenantId,env:S.value,projectId:r.value||null,backendType:D.value,config:i,secretRefs:X(M.value),expectedVersion:u.value?Number(u.value):null};try{let{setRoute:q}=await h(jn,{input:I},w(e));V.replaceChildren(t("p",{},`Saved ${q.resourceKind} at version ${q.version}.`)),u.value=String(q.version),y.textContent=`Editing ${q.resourceKind} (${S.value}) at version ${q.version}.`,a={kind:q.resourceKind,env:S.value,projectId:r.value},await N()}catch(q){te(V,q,`${d.value} (${S.value})`)}});let[ie,J]=L("resolve-kind","Resource kind",{required:""}),z=U({id:"resolved"}),A=t("form",{id:"resolve-route"},t("h3",{},`Effective route in ${e.env}${e.projectId?", this project":""}`),ie,J,t("button",{type:"submit"},"Resolve"),z);K(A,z,async()=>{let{route:i}=await h(kn,{kind:J.value},w(e)),I=i.route;z.replaceChildren(t("p",{},`${I.backendType} ${_t(I.config)} \u2014 matched at the ${i.matchedScope} scope (${I.tenantId}, ${I.env}${I.projectId?`, ${I.projectId}`:""}), version ${I.version}`))});let E=t("textarea",{id:"routes-file",rows:"6",required:"",placeholder:`routes:
  - {resourceKind: kpi, tenantId: \u2026, env: prod, backendType: bigquery, config: {project: p, dataset: kpi}}`}),x=U({id:"routes-plan"}),k=t("form",{id:"plan-routes"},t("h3",{},"Preview a routes file"),t("label",{for:"routes-file"},"Routes file (YAML, as for northstar routes apply)"),E,t("button",{type:"submit"},"Preview changes"),x);K(k,x,async()=>{let{routesPlan:i}=await h(En,{file:E.value},w(e)),I=i.map(R=>B(R.outcome,R.resourceKind,R.env,R.projectId??"tenant-wide",R.changes.map(Y=>`${Y.field}: ${Y.from??"\u2205"} \u2192 ${Y.to??"\u2205"}`).join("; "))),q=["CREATE","UPDATE","UNCHANGED"].map(R=>`${i.filter(Y=>Y.outcome===R).length} ${R.toLowerCase()}`);x.replaceChildren(t("p",{},`Nothing was written: ${q.join(", ")}.`),_("plan",["Outcome","Kind","Env","Project","Changes"],I))});try{await N()}catch(i){return T(n,i)}if(n.replaceChildren(A,t("h3",{},"Routes"),c,p,m,W,k),!n.isConnected)return;let O=be({session:e.session,tenantId:e.tenantId}),Q=Ie(O,Vn,{},i=>{let I=i.routeChanged;p.textContent=`${I.resourceKind} (${I.env}) ${I.deleted?"deleted":`is at version ${I.version}`}`,I.deleted&&a&&I.resourceKind===a.kind&&I.env===a.env&&(I.projectId??"")===a.projectId&&u.value&&(u.value="",y.textContent=`${I.resourceKind} (${I.env}) was deleted. Your edit is kept: saving creates it again.`,a=null),N().catch(q=>T(p,q))},i=>T(p,i));Ce(()=>{Q(),O.dispose()})}var Ft=C(`
  query ConsoleRoles {
    context { roles }
    tenant { name }
    projects(first: 100) { edges { node { id name } } }
  }
`),Un=C(`
  query ConsoleTenant {
    tenant { id name version createdAt updatedAt mode { id name description } }
  }
`),Nn=C(`
  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) { id name version }
  }
`),On=C(`
  query ConsoleProjects {
    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }
    surfaces { id tenantId name version }
    apps { id tenantId name version }
  }
`),Qn=C(`
  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { id name version }
  }
`),Kn=C(`
  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
    updateSurface(input: $input) { id name version }
  }
`),_n=C(`
  mutation ConsoleUpdateApp($input: UpdateAppInput!) {
    updateApp(input: $input) { id name version }
  }
`),Hn=C(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`),Fn=C(`
  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
    archiveProject(input: $input) { id archived }
  }
`),Bn=C(`
  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
    unarchiveProject(input: $input) { id archived }
  }
`),Wn=C(`
  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
    createSurface(input: $input) { id }
  }
`),Gn=C(`
  mutation ConsoleDeleteSurface($id: ID!) {
    deleteSurface(id: $id)
  }
`),zn=C(`
  mutation ConsoleCreateApp($input: CreateAppInput!) {
    createApp(input: $input) { id }
  }
`),Yn=C(`
  mutation ConsoleDeleteApp($id: ID!) {
    deleteApp(id: $id)
  }
`),Wt={id:"tab-projects",label:"Projects",adminOnly:!1,show:zt},Bt=[{id:"tab-overview",label:"Overview",adminOnly:!1,show:Gt},Wt,{id:"tab-chat",label:"Chat",adminOnly:!1,show:je},{id:"tab-members",label:"Members",adminOnly:!0,show:$e},{id:"tab-routes",label:"Routes",adminOnly:!0,show:Ht},{id:"tab-accounts",label:"Service accounts",adminOnly:!0,show:Me},{id:"tab-audit",label:"Audit log",adminOnly:!0,show:Lt}];async function ye(e,n,o,s,c={}){de();let a=me(n),p=s.find($=>$.id===o)?.name??o,m;try{m=await h(Ft,{},{session:e,tenantId:o})}catch($){return T(a,$)}if(!a.isConnected)return;let l=$=>m.projects.edges.some(({node:N})=>N.id===$),d={session:e,tenantId:o,tenantName:p,roles:m.context.roles,env:c.env&&fe.includes(c.env)?c.env:"dev",projectId:c.projectId&&l(c.projectId)?c.projectId:"",refresh:async()=>{}},P=t("section",{id:"page"}),S=Bt.find($=>$.id===(c.tab??"tab-projects")&&(!$.adminOnly||ue(d)))??Wt,v=t("nav",{"aria-label":"Tenant pages"}),r=$=>{de(),S=$;let N=new URLSearchParams({tenant:o,tab:$.id,env:d.env});d.projectId&&N.set("project",d.projectId),history.replaceState(null,"",`#${N.toString()}`);for(let te of v.querySelectorAll("button"))te.removeAttribute("aria-current");v.querySelector(`#${$.id}`)?.setAttribute("aria-current","page"),$.show(d,me(P))};for(let $ of Bt)(!$.adminOnly||ue(d))&&v.append(j($.label,{id:$.id},()=>r($)));let[f,D]=ne("context-tenant","Tenant",s.map($=>[$.id,$.name]),o);D.addEventListener("change",()=>{ye(e,n,D.value,s,{tab:S.id,env:d.env})});let[g,M]=ne("context-env","Env",fe.map($=>[$,$]),d.env);M.addEventListener("change",()=>{d.env=M.value,r(S)});let u=$=>[["","No project"],...$.projects.edges.map(({node:N})=>[N.id,N.name])],[y,V]=ne("context-project","Project",u(m),d.projectId);V.addEventListener("change",()=>{d.projectId=V.value,r(S)});let W=t("h2",{id:"tenant-name"},p),H=t("p",{id:"role"},`Your role: ${d.roles.join(", ")}`);d.refresh=async()=>{let $=await h(Ft,{},{session:e,tenantId:o}),N=ue(d);if(d.tenantName=$.tenant.name,d.roles=$.context.roles,ue(d)!==N)return ye(e,n,o,s,{tab:S.id,env:d.env,projectId:d.projectId});W.textContent=$.tenant.name,H.textContent=`Your role: ${d.roles.join(", ")}`;let te=s.find(z=>z.id===o);te&&(te.name=$.tenant.name);let ie=[...D.options].find(z=>z.value===o);ie&&(ie.textContent=$.tenant.name);let J=u($);V.replaceChildren(...J.map(([z,A])=>t("option",{value:z},A))),V.value=d.projectId,J.some(([z])=>z===d.projectId)||(d.projectId="",V.value="",r(S))};let X=t("div",{class:"context",role:"group","aria-label":"Context"},t("span",{},f,D),t("span",{},g,M),t("span",{},y,V));a.replaceChildren(X,W,H,v,P),r(S)}async function Gt(e,n){try{let{tenant:o}=await h(Un,{},w(e)),s=[t("h3",{},"Tenant"),t("dl",{id:"tenant"},t("dt",{},"Name"),t("dd",{},o.name),t("dt",{},"Id"),t("dd",{},o.id),t("dt",{},"Mode"),t("dd",{id:"tenant-mode"},`${o.mode.name} (${o.mode.id})${o.mode.description?` \u2014 ${o.mode.description}`:""}`),t("dt",{},"Version"),t("dd",{},String(o.version)),t("dt",{},"Created"),t("dd",{},o.createdAt),t("dt",{},"Updated"),t("dd",{},o.updatedAt))];if(ue(e)){let[c,a]=L("tenant-rename","New name",{required:"",value:o.name}),p=U(),m=t("form",{id:"rename-tenant"},c,a,t("button",{type:"submit"},"Rename"),p);K(m,p,async()=>{await h(Nn,{input:{tenantId:e.tenantId,name:a.value,expectedVersion:o.version}},w(e)),await e.refresh(),await Gt(e,n)}),s.push(m)}n.replaceChildren(...s)}catch(o){T(n,o)}}async function zt(e,n){let o=async()=>{await e.refresh(),await zt(e,n)},s=U({id:"projects-status"}),c=a=>()=>{a().then(o).catch(p=>T(s,p))};try{let{projects:a,surfaces:p,apps:m}=await h(On,{},w(e)),l=ue(e),d=a.edges.map(({node:r})=>{let f=t("span",{});if(l){let D={input:{projectId:r.id,expectedVersion:r.version}};f.append(r.archived?j("Unarchive",{"aria-label":`Unarchive ${r.name}`},c(()=>h(Bn,D,w(e)))):j("Archive",{"aria-label":`Archive ${r.name}`},c(()=>h(Fn,D,w(e)))))}return B(r.name,r.id,r.archived?"archived":"active",String(r.version),f)}),P=r=>l&&r.tenantId===e.tenantId,S=(r,f,D)=>f.map(g=>B(g.name,g.id,g.tenantId===e.tenantId?String(g.version):`${g.version} (system-wide)`,P(g)?j("Delete",{"aria-label":`Delete the ${r} ${g.name}`},c(()=>D(g.id))):"")),v=[t("h3",{},"Projects"),_("projects",["Name","Id","State","Version",""],d),t("h3",{},"Surfaces"),_("surfaces",["Name","Id","Version",""],S("surface",p,r=>h(Gn,{id:r},w(e)))),t("h3",{},"Apps"),_("apps",["Name","Id","Version",""],S("app",m,r=>h(Yn,{id:r},w(e)))),s];if(l){let r=(u,y,V)=>{let[W,H]=L(`${u}-name`,`${y} name`,{required:""}),X=U(),$=t("form",{id:u},W,H,t("button",{type:"submit"},`Create ${y.toLowerCase()}`),X);return K($,X,()=>V(H.value).then(o)),$},f=(u,y,V,W)=>{let[H,X]=ne(`${u}-which`,`${y} to rename`,V.map(J=>[J.id,J.name]),V[0]?.id??""),[$,N]=L(`${u}-name`,`New ${y.toLowerCase()} name`,{required:""}),te=U(),ie=t("form",{id:u},H,X,$,N,t("button",{type:"submit"},`Rename ${y.toLowerCase()}`),te);return K(ie,te,async()=>{let J=V.find(z=>z.id===X.value);J&&await W(J,N.value).then(o)}),ie},D=u=>u.filter(y=>y.tenantId===e.tenantId),g=a.edges.map(({node:u})=>({id:u.id,name:u.name,version:u.version,tenantId:e.tenantId}));v.push(t("div",{class:"forms"},r("create-project","Project",u=>h(Hn,{input:{tenantId:e.tenantId,name:u}},w(e))),r("create-surface","Surface",u=>h(Wn,{input:{tenantId:e.tenantId,name:u}},w(e))),r("create-app","App",u=>h(zn,{input:{tenantId:e.tenantId,name:u}},w(e)))));let M=[];g.length>0&&M.push(f("rename-project","Project",g,(u,y)=>h(Qn,{input:{projectId:u.id,name:y,expectedVersion:u.version}},w(e)))),D(p).length>0&&M.push(f("rename-surface","Surface",D(p),(u,y)=>h(Kn,{input:{id:u.id,name:y,expectedVersion:u.version}},w(e)))),D(m).length>0&&M.push(f("rename-app","App",D(m),(u,y)=>h(_n,{input:{id:u.id,name:y,expectedVersion:u.version}},w(e)))),M.length>0&&v.push(t("div",{class:"forms"},...M))}n.replaceChildren(...v)}catch(a){T(n,a)}}var Xn=C(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId tenantName role expiresAt }
  }
`),Jn=C(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),Zn=C(`
  mutation ConsoleDecline($id: ID!) {
    declineInvitation(id: $id)
  }
`),Yt=document.getElementById("app");function qe(){let[e,n]=L("email","Email",{type:"email",autocomplete:"username",required:""}),[o,s]=L("password","Password",{type:"password",autocomplete:"current-password",required:""}),[c,a]=L("tenant-name","New tenant (sign up only)",{type:"text"}),p=t("div",{"aria-live":"polite"}),m=t("form",{id:"sign-in"},t("h1",{},"Northstar console"),e,n,o,s,t("button",{type:"submit"},"Sign in"),c,a,j("Sign up",{id:"sign-up"},()=>{Et(n.value,s.value,a.value).then(()=>he(),l=>T(p,l))}),p);m.addEventListener("submit",l=>{l.preventDefault(),qt(n.value,s.value).then(()=>he(!0),d=>T(p,d))}),Yt.replaceChildren(m),n.focus()}async function he(e=!1){de();let n=jt();if(!n)return qe();let o=new URLSearchParams(location.hash.slice(1));e||history.replaceState(null,"",location.pathname+location.search);let s=t("main",{}),c=t("nav",{"aria-label":"Console",class:"top"},j("Tenants",{id:"home"},()=>{he()}));Yt.replaceChildren(t("header",{},t("span",{id:"who"},n.email),c,j("Sign out",{id:"sign-out"},()=>{Vt().then(()=>{history.replaceState(null,"",location.pathname+location.search),qe()})})),s);try{let{tenants:a,myInvitations:p}=await h(Xn,{},{session:n}),m=a.map(r=>({id:r.id,name:r.name}));a.some(r=>r.id==="t_system")&&c.append(j("System",{id:"system"},()=>{de(),De(n,s)}));let l=t("ul",{id:"tenants"},...a.map(r=>t("li",{},j(`${r.name} (${r.mode.name})`,{"data-tenant":r.id},()=>{ye(n,s,r.id,m)}))));if(e&&o.has("system")&&a.some(r=>r.id==="t_system"))return De(n,s);let d=o.get("tenant");if(e&&d&&m.some(r=>r.id===d))return ye(n,s,d,m,{tab:o.get("tab")??void 0,env:o.get("env")??void 0,projectId:o.get("project")??void 0});history.replaceState(null,"",location.pathname+location.search);let P=U(),S=r=>()=>{r().then(()=>he(),f=>T(P,f))},v=t("ul",{id:"my-invitations"},...p.map(r=>t("li",{},`${r.role} in ${r.tenantName} (${r.tenantId}), until ${r.expiresAt} `,j("Accept",{"data-invitation":r.id},S(()=>h(Jn,{id:r.id},{session:n}))),j("Decline",{"aria-label":`Decline the invitation to ${r.tenantName}`},S(()=>h(Zn,{id:r.id},{session:n}))))));s.replaceChildren(t("h2",{},"Your tenants"),l,...p.length>0?[t("h2",{},"Invitations for you"),v,P]:[])}catch(a){T(s,a)}}we().then(e=>e?he(!0):qe());
