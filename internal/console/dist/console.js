var X=class extends Error{constructor(o,r,g){super(r);this.code=o;this.requestId=g}code;requestId;describe(){return`${this.code}: ${this.message}`+(this.requestId?` (request ${this.requestId})`:"")}},be=null;function Ee(e){be=e}async function y(e,n,o={}){try{return await je(e,n,o)}catch(r){if(!(r instanceof X)||r.code!=="UNAUTHENTICATED"||!o.session||!be||!await be())throw r;return je(e,n,o)}}async function je(e,n,o){let r={"Content-Type":"application/json"};o.session&&(r.Authorization=`Bearer ${o.session.token}`),o.tenantId&&(r["X-Tenant-Id"]=o.tenantId),o.env&&(r["X-Env"]=o.env),o.projectId&&(r["X-Project-Id"]=o.projectId);let g=e.__meta__?.hash,u=g?{variables:n,extensions:{persistedQuery:{version:1,sha256Hash:g}}}:{query:e.toString(),variables:n},f;try{f=await fetch("/query",{method:"POST",headers:r,body:JSON.stringify(u)})}catch(p){throw new X("NETWORK",`the API did not answer: ${String(p)}`,"")}let b=f.headers.get("X-Request-Id")??"",i;try{i=await f.json()}catch{throw new X(`HTTP_${f.status}`,"the API answered something that is not GraphQL",b)}let R=i.errors?.[0];if(R)throw new X(R.extensions?.code??"ERROR",R.message,b);if(i.data==null)throw new X(`HTTP_${f.status}`,"no data in the answer",b);return i.data}function t(e,n={},...o){let r=document.createElement(e);for(let[g,u]of Object.entries(n))r.setAttribute(g,u);return r.append(...o),r}function q(e,n,o){let r=t("button",{type:"button",...n},e);return r.addEventListener("click",o),r}function T(e,n){let o=n instanceof X?n.describe():`UNEXPECTED: ${String(n)}`;e.replaceChildren(t("p",{role:"alert",class:"error"},o))}function V(e,n,o={}){return[t("label",{for:e},n),t("input",{id:e,...o})]}function G(e,n,o){return t("table",{id:e},t("thead",{},t("tr",{},...n.map(r=>t("th",{scope:"col"},r)))),t("tbody",{},...o),...o.length===0?[t("tfoot",{},t("tr",{},t("td",{colspan:String(n.length),class:"meta"},"None.")))]:[])}function K(...e){return t("tr",{},...e.map(n=>t("td",{},n)))}function U(e={}){return t("div",{"aria-live":"polite",...e})}function O(e,n,o){e.addEventListener("submit",r=>{r.preventDefault(),n.replaceChildren(),o().catch(g=>T(n,g))})}function ee(e,n,o,r){let g=t("select",{id:e},...o.map(([u,f])=>t("option",u===r?{value:u,selected:""}:{value:u},f)));return[t("label",{for:e},n),g]}function de(e){let n=t("div",{},t("p",{},"Loading\u2026"));return e.replaceChildren(n),n}var ge=["dev","staging","prod"];function le(e){return e.roles.some(n=>n==="ADMIN"||n==="OWNER")}function w(e){let n={session:e.session,tenantId:e.tenantId,env:e.env};return e.projectId&&(n.projectId=e.projectId),n}var Ie=[];function ye(e){Ie.push(e)}function ce(){let e=Ie;Ie=[];for(let n of e)n()}var $=class extends String{__apiType;value;__meta__;constructor(n,o){super(n),this.value=n,this.__meta__=o}toString(){return this.value}},Ve=new $(`
    query ConsoleServiceAccounts {
  serviceAccounts {
    id
    name
    scopes
    createdAt
  }
}
    `,{hash:"sha256:1ea767cefb5f7ed90745df9840eb4021fc0f060978d0e2e36ce16ddf95d673d7"}),Ue=new $(`
    mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:a47f552fd3ec79f1e9d1d43ac6f70dc69313e192f6cb77819e211b03cc4679e1"}),Le=new $(`
    mutation ConsoleRotateServiceAccount($id: ID!) {
  rotateServiceAccountSecret(id: $id) {
    clientId
    clientSecret
    serviceAccount {
      name
    }
  }
}
    `,{hash:"sha256:4839fcb9bfb67d710acc0ce01c7cb111fdf17f317ba4bf61f303251d0513098e"}),Ne=new $(`
    mutation ConsoleDeleteServiceAccount($id: ID!) {
  deleteServiceAccount(id: $id)
}
    `,{hash:"sha256:21a679b174adfc8adc56539fc03ebe0e73b9d809f7edc3ac179aab215535991b"}),Oe=new $(`
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
    `,{hash:"sha256:409085515745be7851ac3d9b85a8417c701057e419f89c3b3ebe6d2235e38aa0"}),Qe=new $(`
    query ConsoleThreads {
  threads(first: 50) {
    id
    title
    createdAt
    lastSeq
  }
}
    `,{hash:"sha256:0f47a2d7104545380b2785f7fc3cad1310842861c3fd2bffcc09389d6105056e"}),Ke=new $(`
    mutation ConsoleCreateThread($input: CreateThreadInput!) {
  createThread(input: $input) {
    id
  }
}
    `,{hash:"sha256:2df0a0dcbcc6276a42a89d5be7ee6c2974c1b321561434b652f2ee12c57130c2"}),_e=new $(`
    mutation ConsolePost($input: PostMessageInput!) {
  postMessage(input: $input) {
    seq
  }
}
    `,{hash:"sha256:7a3f43e04b1547da9cee205943b6d163aaaabf6dabb400484faf22ed468ff3c6"}),He=new $(`
    subscription ConsoleFollow($threadId: ID!, $after: Int) {
  messagePosted(threadId: $threadId, after: $after) {
    seq
    text
    authorId
    createdAt
  }
}
    `,{hash:"sha256:dadf30dd7ad1b3464278bd2285988cdf1807ed52782a1a8f808dee84609956b7"}),Fe=new $(`
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
    role
    expiresAt
  }
}
    `,{hash:"sha256:9369884d17f7e11cc3406aef67aa54545f3bc845faefd23267241c0066adc547"}),Be=new $(`
    mutation ConsoleAccept($id: ID!) {
  acceptInvitation(id: $id) {
    tenantId
    role
  }
}
    `,{hash:"sha256:16f3dbe159b899846f997f0eecedc40af84b138dc6aa7d940ba5304d39adf28f"}),We=new $(`
    mutation ConsoleDecline($id: ID!) {
  declineInvitation(id: $id)
}
    `,{hash:"sha256:2ac911c175ea6a18917fbc120bbbc90f580c0ff84fd7661e4eb59c5dc408ca8d"}),Ge=new $(`
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
    `,{hash:"sha256:b6222f2fc25c3f1712ea434c076f081912c123955cf34031fdab2bc74d65f0e7"}),ze=new $(`
    mutation ConsoleInvite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    id
    email
    role
    status
  }
}
    `,{hash:"sha256:e5b724919324e6c30a8ad41863dc3332e0a2d1fe17b6a0507f66d9a64a4ca7e3"}),Ye=new $(`
    mutation ConsoleRevoke($id: ID!) {
  revokeInvitation(id: $id)
}
    `,{hash:"sha256:e30197dddbb7fafe8cd6644c17409df89552e5098ca8007a3766d91c6c431d36"}),Xe=new $(`
    mutation ConsoleSetRole($input: SetMemberRoleInput!) {
  setMemberRole(input: $input) {
    userId
    role
    version
  }
}
    `,{hash:"sha256:9a5e515453ecc9c1cfca15800e9b05c22f77d835b853a3a53c14ea6cd94f2684"}),Je=new $(`
    mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input)
}
    `,{hash:"sha256:a97d755bec3727c29810d0ea3cfefdd77c0cc3d1f95aab823c04a74eae1db96c"}),Ze=new $(`
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
    `,{hash:"sha256:48b4fd3dd714ce3ccebdbbb397995b79faedab0b4315076f6495e2f2108541eb"}),et=new $(`
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
    `,{hash:"sha256:0753b0aec69da3a7038397c9f466e48fa3a4edf8de55113c825f16d6c7fb785d"}),tt=new $(`
    mutation ConsoleSetRoute($input: SetRouteInput!) {
  setRoute(input: $input) {
    resourceKind
    version
  }
}
    `,{hash:"sha256:da21df5dcf4e9d95731cc98b083a5264413250a6b07c8442f9764f58407a5848"}),nt=new $(`
    mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
  deleteRoute(input: $input)
}
    `,{hash:"sha256:d8dd7f610e8308e02911a9556eab8e5bb91959cdc58d09e99ec7b9c3e826e4c5"}),ot=new $(`
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
    `,{hash:"sha256:cfba74bee6df28c6e68d0086eaa886bf0636b819110be5209b9bafc10653c6b5"}),rt=new $(`
    subscription ConsoleRouteChanged {
  routeChanged {
    resourceKind
    env
    version
    deleted
  }
}
    `,{hash:"sha256:999d04ee0ba6c5f51de9905db9d58b73046ef56a80f1e9556bbde56ed4ccd1f0"}),it=new $(`
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
    `,{hash:"sha256:4114c1e98486616290590bfc6fa85f7508e0a73646892151da9489655bbb4968"}),st=new $(`
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
    `,{hash:"sha256:853f02a0c5e2aff44d467e87c21ee959e6d1f7e53a8eb7a3acc18cbd200eeb38"}),at=new $(`
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
    `,{hash:"sha256:7ce9644ca77c8a55613afdd0f45d8030eda8e8a3b355b1ec0ceeb05f43df38a7"}),ut=new $(`
    mutation ConsoleLogout {
  logout
}
    `,{hash:"sha256:77e957a4fc00bff7bcedd31ba3c75089a4cbfbd86ea5e8ea03b5985001900bc3"}),ct=new $(`
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
    `,{hash:"sha256:47e5b47e468f6895c0775721638e76daf8154237da587b0626d84a7127c99741"}),pt=new $(`
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
    `,{hash:"sha256:562385d272536001dec0d070d04f14523cd4c1ad400b6b721a9d90bc84501a8f"}),dt=new $(`
    query ConsoleModes {
  modes {
    id
    name
    description
    version
  }
}
    `,{hash:"sha256:54e19cc7df333e5489825adfadeb1d9da6a49da8353a032c010a223a1b6a50b1"}),lt=new $(`
    mutation ConsoleCreateMode($input: CreateModeInput!) {
  createMode(input: $input) {
    id
  }
}
    `,{hash:"sha256:d50a320857f7b27c56343c003095e06bd7c93fbb532405d61e7acec317c9f853"}),mt=new $(`
    mutation ConsoleUpdateMode($input: UpdateModeInput!) {
  updateMode(input: $input) {
    id
    version
  }
}
    `,{hash:"sha256:cdf2b1b2ec72f39eaf7a3659a920a9ed028622e9c83a9aa50e081741627e5a55"}),ft=new $(`
    mutation ConsoleDeleteMode($id: ID!) {
  deleteMode(id: $id)
}
    `,{hash:"sha256:15da0e3de043174ac2640e4daf0edc879f707f0f0d7ed840eff50e31a1a62970"}),gt=new $(`
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
    `,{hash:"sha256:306d4900c2d9ff987e6ba8d9c6386fc646afd8d0f8ee3756c24503093ff10a4c"}),yt=new $(`
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
    `,{hash:"sha256:6b6bc1d29c9d53f261ec3a31f5caae4939853b3135e83380451b3d5ff2df22ff"}),ht=new $(`
    mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
  updateTenant(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:ca43796b3e678cc2a8261932caff18051e0f455b9ad515af72934f1c42fc3625"}),Ct=new $(`
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
    `,{hash:"sha256:f0d24efef394f5d7b1d11820e515c3e2763a7f2795d122e0ff6966167e2d7cca"}),vt=new $(`
    mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
  updateProject(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:931b8056037b694a4bc10ec2865c5ac1a32f2859a81ead6de14f490effa985da"}),bt=new $(`
    mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
  updateSurface(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:7b069dbad461d22c80a10e45dbb01f8511a25ebc00bb511587083726c011a771"}),It=new $(`
    mutation ConsoleUpdateApp($input: UpdateAppInput!) {
  updateApp(input: $input) {
    id
    name
    version
  }
}
    `,{hash:"sha256:c07b1508762771e2a7c34a12548f926a4e545aacd8bbb11592eddfc847b61c48"}),$t=new $(`
    mutation ConsoleCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `,{hash:"sha256:165b3b51a4c914b5cd614ab7bea43885d0962620b2100ff1be948cd2f2d4c31a"}),St=new $(`
    mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
  archiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:9eefc8c882e1519586695af895727bb6658977042ca0a2957cb59ea17b213a1f"}),xt=new $(`
    mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
  unarchiveProject(input: $input) {
    id
    archived
  }
}
    `,{hash:"sha256:4516a9ba000a5696a9b9166d65b6e1d87a79a3dbb465a2a3f70159b5b7b7fc81"}),Dt=new $(`
    mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
  createSurface(input: $input) {
    id
  }
}
    `,{hash:"sha256:9f333deb0ba9cd466b62c825a4c6b3cf5a9b6ed995bf795a56e50a6fabd870aa"}),At=new $(`
    mutation ConsoleDeleteSurface($id: ID!) {
  deleteSurface(id: $id)
}
    `,{hash:"sha256:8a24f022024e05ec40d80f151761a42da41bf00b30bde8e28114f47ad23059e4"}),Tt=new $(`
    mutation ConsoleCreateApp($input: CreateAppInput!) {
  createApp(input: $input) {
    id
  }
}
    `,{hash:"sha256:1d5c9086a2bb702f0de85c0edd670fab1b88c6cc02e353dfb78edf619b3fe8f6"}),wt=new $(`
    mutation ConsoleDeleteApp($id: ID!) {
  deleteApp(id: $id)
}
    `,{hash:"sha256:51d6cd5d10ff36a6c35487412e6959998a62ddf15eb2d8d2804e63c3345361b8"});var Zt={"\n  query ConsoleServiceAccounts {\n    serviceAccounts { id name scopes createdAt }\n  }\n":Ve,"\n  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }\n  }\n":Ue,"\n  mutation ConsoleRotateServiceAccount($id: ID!) {\n    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }\n  }\n":Le,"\n  mutation ConsoleDeleteServiceAccount($id: ID!) {\n    deleteServiceAccount(id: $id)\n  }\n":Ne,"\n  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Oe,"\n  query ConsoleThreads {\n    threads(first: 50) { id title createdAt lastSeq }\n  }\n":Qe,"\n  mutation ConsoleCreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) { id }\n  }\n":Ke,"\n  mutation ConsolePost($input: PostMessageInput!) {\n    postMessage(input: $input) { seq }\n  }\n":_e,"\n  subscription ConsoleFollow($threadId: ID!, $after: Int) {\n    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }\n  }\n":He,"\n  query ConsoleHome {\n    tenants { id name mode { id name } }\n    myInvitations { id tenantId role expiresAt }\n  }\n":Fe,"\n  mutation ConsoleAccept($id: ID!) {\n    acceptInvitation(id: $id) { tenantId role }\n  }\n":Be,"\n  mutation ConsoleDecline($id: ID!) {\n    declineInvitation(id: $id)\n  }\n":We,"\n  query ConsoleMembers {\n    members { userId role version user { email } }\n    invitations { id email role status expiresAt }\n  }\n":Ge,"\n  mutation ConsoleInvite($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role status }\n  }\n":ze,"\n  mutation ConsoleRevoke($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n":Ye,"\n  mutation ConsoleSetRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) { userId role version }\n  }\n":Xe,"\n  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input)\n  }\n":Je,"\n  query ConsoleRoutes {\n    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":Ze,"\n  query ConsoleResolveRoute($kind: String!) {\n    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }\n  }\n":et,"\n  mutation ConsoleSetRoute($input: SetRouteInput!) {\n    setRoute(input: $input) { resourceKind version }\n  }\n":tt,"\n  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {\n    deleteRoute(input: $input)\n  }\n":nt,"\n  query ConsoleRoutesPlan($file: String!) {\n    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }\n  }\n":ot,"\n  subscription ConsoleRouteChanged {\n    routeChanged { resourceKind env version deleted }\n  }\n":rt,"\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":it,"\n  mutation ConsoleSignup($input: SignupInput!) {\n    signup(input: $input) { token refreshToken expiresAt user { id email } }\n  }\n":st,"\n  mutation ConsoleRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }\n  }\n":at,"\n  mutation ConsoleLogout {\n    logout\n  }\n":ut,"\n  query ConsoleAllTenants($first: Int, $after: String, $search: String) {\n    allTenants(first: $first, after: $after, search: $search) {\n      edges { node { id name version createdAt mode { id } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":ct,"\n  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {\n    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }\n  }\n":pt,"\n  query ConsoleModes {\n    modes { id name description version }\n  }\n":dt,"\n  mutation ConsoleCreateMode($input: CreateModeInput!) {\n    createMode(input: $input) { id }\n  }\n":lt,"\n  mutation ConsoleUpdateMode($input: UpdateModeInput!) {\n    updateMode(input: $input) { id version }\n  }\n":mt,"\n  mutation ConsoleDeleteMode($id: ID!) {\n    deleteMode(id: $id)\n  }\n":ft,"\n  query ConsoleRoles {\n    context { roles }\n    tenant { name }\n    projects(first: 100) { edges { node { id name } } }\n  }\n":gt,"\n  query ConsoleTenant {\n    tenant { id name version createdAt updatedAt mode { id name description } }\n  }\n":yt,"\n  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {\n    updateTenant(input: $input) { id name version }\n  }\n":ht,"\n  query ConsoleProjects {\n    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }\n    surfaces { id tenantId name version }\n    apps { id tenantId name version }\n  }\n":Ct,"\n  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) { id name version }\n  }\n":vt,"\n  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {\n    updateSurface(input: $input) { id name version }\n  }\n":bt,"\n  mutation ConsoleUpdateApp($input: UpdateAppInput!) {\n    updateApp(input: $input) { id name version }\n  }\n":It,"\n  mutation ConsoleCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id }\n  }\n":$t,"\n  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {\n    archiveProject(input: $input) { id archived }\n  }\n":St,"\n  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {\n    unarchiveProject(input: $input) { id archived }\n  }\n":xt,"\n  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {\n    createSurface(input: $input) { id }\n  }\n":Dt,"\n  mutation ConsoleDeleteSurface($id: ID!) {\n    deleteSurface(id: $id)\n  }\n":At,"\n  mutation ConsoleCreateApp($input: CreateAppInput!) {\n    createApp(input: $input) { id }\n  }\n":Tt,"\n  mutation ConsoleDeleteApp($id: ID!) {\n    deleteApp(id: $id)\n  }\n":wt};function h(e){return Zt[e]??{}}var en=h(`
  query ConsoleAllTenants($first: Int, $after: String, $search: String) {
    allTenants(first: $first, after: $after, search: $search) {
      edges { node { id name version createdAt mode { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),tn=h(`
  mutation ConsoleSetTenantMode($tenantId: ID!, $mode: String!, $expectedVersion: Int) {
    setTenantMode(tenantId: $tenantId, mode: $mode, expectedVersion: $expectedVersion) { id version mode { id } }
  }
`),Mt=h(`
  query ConsoleModes {
    modes { id name description version }
  }
`),nn=h(`
  mutation ConsoleCreateMode($input: CreateModeInput!) {
    createMode(input: $input) { id }
  }
`),on=h(`
  mutation ConsoleUpdateMode($input: UpdateModeInput!) {
    updateMode(input: $input) { id version }
  }
`),rn=h(`
  mutation ConsoleDeleteMode($id: ID!) {
    deleteMode(id: $id)
  }
`),ue={tenantId:"t_system"};async function Rt(e,n){let o=de(n),r=t("section",{}),g=t("section",{});o.replaceChildren(t("h2",{},"System"),r,g),await Promise.all([sn(e,r),Pt(e,g)])}async function sn(e,n){let[o,r]=V("tenant-search","Search by name or id",{type:"search"}),g=U({id:"all-tenants-status"}),u=t("tbody",{}),f=t("p",{class:"meta",id:"all-tenants-none",hidden:""},"No tenant matches."),b=t("div",{class:"pager"}),i=[],R=null,p=async m=>{let[{allTenants:a},{modes:C}]=await Promise.all([y(en,{first:20,after:m,search:r.value||null},{session:e,...ue}),y(Mt,{},{session:e,...ue})]);R=m,u.replaceChildren(...a.edges.map(({node:v})=>{let[,S]=ee(`mode-of-${v.id}`,"",C.map(l=>[l.id,l.name]),v.mode.id);return S.setAttribute("aria-label",`Mode of ${v.name}`),S.addEventListener("change",()=>{y(tn,{tenantId:v.id,mode:S.value,expectedVersion:v.version},{session:e,...ue}).then(()=>p(R),l=>{S.value=v.mode.id,T(g,l)})}),K(v.name,v.id,S,String(v.version),v.createdAt)})),f.hidden=a.edges.length>0;let d=a.pageInfo.endCursor??null;b.replaceChildren(...i.length>0?[q("Previous page",{id:"tenants-previous"},()=>{p(i.pop()??null).catch(v=>T(g,v))})]:[],...a.pageInfo.hasNextPage?[q("Next page",{id:"tenants-next"},()=>{i.push(R),p(d).catch(v=>T(g,v))})]:[])},j=t("form",{id:"search-tenants",class:"inline",role:"search"},o,r,t("button",{type:"submit"},"Search"),g);O(j,g,()=>(i.length=0,p(null)));try{await p(null)}catch(m){return T(n,m)}n.replaceChildren(t("h3",{},"All tenants"),j,t("table",{id:"all-tenants"},t("thead",{},t("tr",{},...["Name","Id","Mode","Version","Created"].map(m=>t("th",{scope:"col"},m)))),u),f,b)}async function Pt(e,n){let o=()=>Pt(e,n),r=U({id:"modes-status"});try{let{modes:g}=await y(Mt,{},{session:e,...ue}),u=g.map(C=>{let d=t("input",{value:C.name,"aria-label":`Name of ${C.id}`}),v=t("input",{value:C.description??"","aria-label":`Description of ${C.id}`}),S=q("Save",{"aria-label":`Save ${C.id}`},()=>{y(on,{input:{id:C.id,name:d.value,description:v.value||null,expectedVersion:C.version}},{session:e,...ue}).then(o,I=>T(r,I))}),l=q("Delete",{"aria-label":`Delete ${C.id}`},()=>{y(rn,{id:C.id},{session:e,...ue}).then(o,I=>T(r,I))});return K(C.id,d,v,String(C.version),t("span",{},S,l))}),[f,b]=V("mode-id","Id (a-z, 0-9, - and _)",{required:"",pattern:"[a-z0-9_\\-]{1,32}"}),[i,R]=V("mode-name","Name",{required:""}),[p,j]=V("mode-description","Description"),m=U(),a=t("form",{id:"create-mode"},t("h4",{},"New mode"),f,b,i,R,p,j,t("button",{type:"submit"},"Create mode"),m);O(a,m,()=>y(nn,{input:{id:b.value,name:R.value,description:j.value||null}},{session:e,...ue}).then(o)),n.replaceChildren(t("h3",{},"Modes"),G("modes",["Id","Name","Description","Version",""],u),r,a)}catch(g){T(n,g)}}var an=h(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),un=h(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`),cn=h(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`),pn=h(`
  mutation ConsoleLogout {
    logout
  }
`),he="northstar.refresh",ie=null;function Se(e){return e.refreshToken&&sessionStorage.setItem(he,e.refreshToken),ie&&ie.userId===e.user.id?ie.token=e.token:ie={token:e.token,email:e.user.email,userId:e.user.id},ie}var $e=null;Ee(()=>($e??=xe().then(e=>e!==null).finally(()=>{$e=null}),$e));function kt(){return ie}async function qt(e,n){let o=await y(an,{input:{email:e,password:n}});return Se(o.login)}async function jt(e,n,o){let r=await y(un,{input:{email:e,password:n,tenantName:o}});return Se(r.signup)}async function xe(){let e=sessionStorage.getItem(he);if(!e)return null;try{let n=await y(cn,{refreshToken:e});return Se(n.refreshSession)}catch{return sessionStorage.removeItem(he),null}}async function Et(){let e=ie;ie=null,sessionStorage.removeItem(he),e&&await y(pn,{},{session:e}).catch(()=>{})}var dn=h(`
  query ConsoleAuditLog($first: Int, $after: String, $action: String, $targetId: ID) {
    auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
      edges { node { id at action targetType targetId requestId actor { kind id label } changes { field from to } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);async function Vt(e,n){let[o,r]=V("audit-action","Action (e.g. route.set)"),[g,u]=V("audit-target","Target id"),f=U({id:"audit-status"}),b=t("tbody",{}),i=t("div",{}),R=t("form",{id:"audit-filters",class:"inline"},o,r,g,u,t("button",{type:"submit"},"Filter"),f),p=async m=>{let{auditEvents:a}=await y(dn,{first:20,after:m,action:r.value||null,targetId:u.value||null},w(e));b.append(...a.edges.map(({node:d})=>K(d.at,d.action,`${d.targetType} ${d.targetId}`,d.actor.label??d.actor.id,d.changes.map(v=>`${v.field}: ${v.from??"\u2205"} \u2192 ${v.to??"\u2205"}`).join("; "),d.requestId??"")));let C=a.pageInfo.endCursor??null;i.replaceChildren(...a.pageInfo.hasNextPage?[q("Older events",{id:"audit-older"},()=>{p(C).catch(d=>T(f,d))})]:[])};O(R,f,()=>(b.replaceChildren(),p(null)));try{await p(null)}catch(m){return T(n,m)}let j=t("table",{id:"audit"},t("thead",{},t("tr",{},...["When","Action","Target","By","Changes","Request"].map(m=>t("th",{scope:"col"},m)))),b);n.replaceChildren(t("h3",{},"Audit log"),R,j,i)}var ln=h(`
  query ConsoleServiceAccounts {
    serviceAccounts { id name scopes createdAt }
  }
`),mn=h(`
  mutation ConsoleCreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { clientId clientSecret serviceAccount { name } }
  }
`),fn=h(`
  mutation ConsoleRotateServiceAccount($id: ID!) {
    rotateServiceAccountSecret(id: $id) { clientId clientSecret serviceAccount { name } }
  }
`),gn=h(`
  mutation ConsoleDeleteServiceAccount($id: ID!) {
    deleteServiceAccount(id: $id)
  }
`),yn=["routes:read","chat:read","chat:write"];async function De(e,n,o){let r=u=>De(e,n,u),g=U({id:"accounts-status"});try{let{serviceAccounts:u}=await y(ln,{},w(e)),f=u.map(a=>K(a.name,a.id,a.scopes.join(", "),a.createdAt,t("span",{},q("Rotate secret",{"aria-label":`Rotate the secret of ${a.name}`},()=>{y(fn,{id:a.id},w(e)).then(C=>r({name:C.rotateServiceAccountSecret.serviceAccount.name,...C.rotateServiceAccountSecret}),C=>T(g,C))}),q("Delete",{"aria-label":`Delete ${a.name}`},()=>{y(gn,{id:a.id},w(e)).then(()=>r(),C=>T(g,C))})))),[b,i]=V("account-name","Name",{required:""}),R=yn.map(a=>t("input",{type:"checkbox",id:`scope-${a.replace(":","-")}`,value:a})),p=U(),j=t("form",{id:"create-account"},t("h3",{},"New service account"),b,i,t("fieldset",{},t("legend",{},"Scopes"),...R.map(a=>t("label",{},a,` ${a.value}`))),t("button",{type:"submit"},"Create"),p);O(j,p,async()=>{let a=R.filter(d=>d.checked).map(d=>d.value),{createServiceAccount:C}=await y(mn,{input:{tenantId:e.tenantId,name:i.value,scopes:a}},w(e));await r({name:C.serviceAccount.name,clientId:C.clientId,clientSecret:C.clientSecret})});let m=[t("h3",{},"Service accounts")];o&&m.push(t("div",{id:"account-secret",role:"status",class:"secret"},t("p",{},`The secret of ${o.name}, shown this once: copy it now.`),t("p",{},"Client id: ",t("code",{},o.clientId)),t("p",{},"Client secret: ",t("code",{id:"client-secret"},o.clientSecret)))),m.push(G("accounts",["Name","Client id","Scopes","Created",""],f),g,j),n.replaceChildren(...m)}catch(u){T(n,u)}}function J(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function se(e){return J(e)==="object"}function hn(e){return Array.isArray(e)&&e.length>0&&e.every(n=>"message"in n)}function Ae(e,n){return e.length<124?e:n}var Ut="graphql-transport-ws";var te=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(te||{}),ne=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(ne||{});function Lt(e){if(!se(e))throw new Error(`Message is expected to be an object, but got ${J(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${J(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!se(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${J(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!se(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${J(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${J(e.payload.query)}`);if(e.payload.variables!=null&&!se(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${J(e.payload.variables)}`);if(e.payload.operationName!=null&&J(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${J(e.payload.operationName)}`);if(e.payload.extensions!=null&&!se(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${J(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${J(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!se(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${J(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${J(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!hn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${J(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Nt(e,n){return Lt(typeof e=="string"?JSON.parse(e,n):e)}function pe(e,n){return Lt(e),JSON.stringify(e,n)}function we(e){let{url:n,connectionParams:o,lazy:r=!0,onNonLazyError:g=console.error,lazyCloseTimeout:u=0,keepAlive:f=0,disablePong:b,connectionAckWaitTimeout:i=0,retryAttempts:R=5,retryWait:p=async function(E){let x=Math.pow(2,E);await new Promise(k=>setTimeout(k,x*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:j=Te,on:m,webSocketImpl:a,generateID:C=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,E=>{let x=Math.random()*16|0;return(E=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:d,jsonMessageReviver:v}=e,S;if(a){if(!vn(a))throw new Error("Invalid WebSocket implementation provided");S=a}else typeof WebSocket<"u"?S=WebSocket:typeof global<"u"?S=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(S=window.WebSocket||window.MozWebSocket);if(!S)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let l=S,I=(()=>{let A=(()=>{let x={};return{on(k,N){return x[k]=N,()=>{delete x[k]}},emit(k){"id"in k&&x[k.id]?.(k)}}})(),E={connecting:m?.connecting?[m.connecting]:[],opened:m?.opened?[m.opened]:[],connected:m?.connected?[m.connected]:[],ping:m?.ping?[m.ping]:[],pong:m?.pong?[m.pong]:[],message:m?.message?[A.emit,m.message]:[A.emit],closed:m?.closed?[m.closed]:[],error:m?.error?[m.error]:[]};return{onMessage:A.on,on(x,k){let N=E[x];return N.push(k),()=>{let s=N.indexOf(k);s>-1&&N.splice(s,1)}},emit(x,...k){for(let N of[...E[x]])N(...k)}}})();function W(A){let E=[I.on("error",x=>{E.forEach(k=>k()),A(x)}),I.on("closed",x=>{E.forEach(k=>k()),A(x)})];return()=>E.forEach(x=>x())}let H,Q=0,D,L=!1,Z=0,oe=!1;async function F(){clearTimeout(D);let[A,E]=await(H??(H=new Promise((N,s)=>(async()=>{if(L){if(await p(Z),!Q)return H=void 0,s({code:1e3,reason:"All Subscriptions Gone"});Z++}I.emit("connecting",L);let c=new l(typeof n=="function"?await n():n,Ut),P,M;function Y(){isFinite(f)&&f>0&&(clearTimeout(M),M=setTimeout(()=>{c.readyState===l.OPEN&&(c.send(pe({type:ne.Ping})),I.emit("ping",!1,void 0))},f))}W(B=>{H=void 0,clearTimeout(P),clearTimeout(M),s(B),B instanceof me&&(c.close(4499,"Terminated"),c.onerror=null,c.onclose=null)}),c.onerror=B=>I.emit("error",B),c.onclose=B=>I.emit("closed",B),c.onopen=async()=>{try{I.emit("opened",c);let B=typeof o=="function"?await o():o;if(c.readyState!==l.OPEN)return;c.send(pe(B?{type:ne.ConnectionInit,payload:B}:{type:ne.ConnectionInit},d)),isFinite(i)&&i>0&&(P=setTimeout(()=>{c.close(te.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},i)),Y()}catch(B){I.emit("error",B),c.close(te.InternalClientError,Ae(B instanceof Error?B.message:String(B),"Internal client error"))}};let re=!1;c.onmessage=({data:B})=>{try{let _=Nt(B,v);if(I.emit("message",_),_.type==="ping"||_.type==="pong"){I.emit(_.type,!0,_.payload),_.type==="pong"?Y():b||(c.send(pe(_.payload?{type:ne.Pong,payload:_.payload}:{type:ne.Pong},d)),I.emit("pong",!1,_.payload));return}if(re)return;if(_.type!==ne.ConnectionAck)throw new Error(`First message cannot be of type ${_.type}`);clearTimeout(P),re=!0,I.emit("connected",c,_.payload,L),L=!1,Z=0;let qe=new Promise((Zn,Xt)=>W(Xt));qe.catch(()=>{}),N([c,qe])}catch(_){c.onmessage=null,I.emit("error",_),c.close(te.BadResponse,Ae(_ instanceof Error?_.message:String(_),"Bad response"))}}})())));A.readyState===l.CLOSING&&await E;let x=()=>{},k=new Promise(N=>x=N);return[A,x,new Promise((N,s)=>{let c=W(s);A.readyState!==l.OPEN&&E.catch(s),k.then(()=>{if(c(),!Q){let P=()=>A.close(1e3,"Normal Closure");isFinite(u)&&u>0?(clearTimeout(D),D=setTimeout(()=>{!Q&&A.readyState===l.OPEN&&P()},u)):P()}N()})})]}function z(A){if(Te(A)&&(Cn(A.code)||[te.InternalServerError,te.InternalClientError,te.BadRequest,te.BadResponse,te.Unauthorized,te.SubprotocolNotAcceptable,te.SubscriberAlreadyExists,te.TooManyInitialisationRequests].includes(A.code)))throw A;if(oe)return!1;if(Te(A)&&A.code===1e3)return Q>0;if(!R||Z>=R||!j(A))throw A;return L=!0}r||(async()=>{for(Q++;;)try{let[,,A]=await F();await A}catch(A){try{if(!z(A))return}catch(E){return g?.(E)}}})();function ae(A,E){let x=C(A),k=!1,N=!1,s=()=>{Q--,k=!0};return(async()=>{for(Q++;;)try{let[c,P,M]=await F();if(k)return M.catch(()=>{}),P();let Y=I.onMessage(x,re=>{switch(re.type){case ne.Next:{E.next(re.payload);return}case ne.Error:{N=!0,k=!0,E.error(re.payload),s();return}case ne.Complete:{k=!0,s();return}}});c.send(pe({id:x,type:ne.Subscribe,payload:A},d)),s=()=>{!k&&c.readyState===l.OPEN&&c.send(pe({id:x,type:ne.Complete},d)),Q--,k=!0,P()},await M.finally(Y);return}catch(c){if(!z(c))return}})().then(()=>{N||E.complete()}).catch(c=>{E.error(c)}),()=>{k||s()}}return{on:I.on,subscribe:ae,iterate(A){let E=[],x={done:!1,error:null,resolve:()=>{}},k=ae(A,{next(s){E.push(s),x.resolve()},error(s){x.done=!0,x.error=s,x.resolve()},complete(){x.done=!0,x.resolve()}}),N=(async function*(){for(;;){for(E.length||await new Promise(c=>x.resolve=c);E.length;)yield E.shift();if(x.error)throw x.error;if(x.done)return}})();return N.throw=async s=>(x.done||(x.done=!0,x.error=s,x.resolve()),{done:!0,value:void 0}),N.return=async()=>(k(),{done:!0,value:void 0}),N},async dispose(){if(oe=!0,H){let[A]=await H;A.close(1e3,"Normal Closure")}},terminate(){H&&I.emit("closed",new me)}}}var me=class extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1};function Te(e){return se(e)&&"code"in e&&"reason"in e}function Cn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function vn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}function Ce(e){let n=`${location.protocol==="https:"?"wss":"ws"}://${location.host}/query`;return we({url:n,connectionParams:()=>({authorization:e.session?`Bearer ${e.session.token}`:void 0,tenantId:e.tenantId,env:e.env,projectId:e.projectId}),retryAttempts:5})}function ve(e,n,o,r,g,u=()=>{}){let f=n.__meta__?.hash;return e.subscribe(f?{query:"",variables:o,extensions:{persistedQuery:{version:1,sha256Hash:f}}}:{query:n.toString(),variables:o},{next:b=>{let i=b.errors?.[0];i?g(new X(String(i.extensions?.code??"ERROR"),i.message,"")):b.data&&r(b.data)},error:b=>g(new X("SUBSCRIPTION",b instanceof Error?b.message:"the subscription ended with an error","")),complete:u})}var bn=h(`
  query ConsoleThreads {
    threads(first: 50) { id title createdAt lastSeq }
  }
`),In=h(`
  mutation ConsoleCreateThread($input: CreateThreadInput!) {
    createThread(input: $input) { id }
  }
`),$n=h(`
  mutation ConsolePost($input: PostMessageInput!) {
    postMessage(input: $input) { seq }
  }
`),Sn=h(`
  subscription ConsoleFollow($threadId: ID!, $after: Int) {
    messagePosted(threadId: $threadId, after: $after) { seq text authorId createdAt }
  }
`),xn=50;async function Me(e,n){if(!e.projectId){n.replaceChildren(t("p",{id:"chat-needs-project"},"Threads belong to a project: choose one in the context bar above."));return}try{let{threads:o}=await y(bn,{},w(e)),r=o.map(i=>K(q(i.title,{"data-thread":i.id},()=>{Ot(e,n,i.id,i.title,i.lastSeq)}),String(i.lastSeq),i.createdAt)),[g,u]=V("new-thread-title","Title",{required:""}),f=U(),b=t("form",{id:"create-thread"},g,u,t("button",{type:"submit"},"Start a thread"),f);O(b,f,async()=>{let{createThread:i}=await y(In,{input:{projectId:e.projectId,title:u.value}},w(e));await Ot(e,n,i.id,u.value,0)}),n.replaceChildren(t("h3",{},`Threads in ${e.env}`),G("threads",["Thread","Messages","Started"],r),b)}catch(o){T(n,o)}}async function Ot(e,n,o,r,g){let u=t("ol",{id:"messages","aria-live":"polite"}),f=t("p",{id:"chat-live"},"Connecting\u2026"),[b,i]=V("message-text","Message",{required:"",maxlength:"4000",autocomplete:"off"}),R=U(),p=t("form",{id:"post-message",class:"inline"},b,i,t("button",{type:"submit"},"Post"),R);if(O(p,R,async()=>{await y($n,{input:{threadId:o,text:i.value}},w(e)),i.value="",i.focus()}),n.replaceChildren(q("All threads",{id:"threads-back"},()=>{Me(e,n)}),t("h3",{id:"thread-title"},r),u,f,p),i.focus(),!n.isConnected)return;let j=Math.max(0,g-xn),m={threadId:o,after:j},a=Ce(w(e));a.on("connected",()=>{f.textContent="Following."}),a.on("closed",()=>{f.textContent="Reconnecting\u2026"});let C=!1,d=()=>{},v=()=>{d=ve(a,Sn,m,S=>{let l=S.messagePosted;if(l.seq<=j)return;j=l.seq,m.after=l.seq;let I=l.authorId===e.session.userId?"you":l.authorId;u.append(t("li",{"data-seq":String(l.seq)},t("span",{class:"meta"},`${I} \xB7 ${l.createdAt} `),l.text))},S=>T(f,S),()=>{C||v()})};v(),ye(()=>{C=!0,d(),a.dispose()})}var Dn=h(`
  query ConsoleMembers {
    members { userId role version user { email } }
    invitations { id email role status expiresAt }
  }
`),An=h(`
  mutation ConsoleInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role status }
  }
`),Tn=h(`
  mutation ConsoleRevoke($id: ID!) {
    revokeInvitation(id: $id)
  }
`),wn=h(`
  mutation ConsoleSetRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) { userId role version }
  }
`),Mn=h(`
  mutation ConsoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input)
  }
`),Rn=["VIEWER","MEMBER","ADMIN","OWNER"],Qt=Rn.map(e=>[e,e]);async function Re(e,n){let o=async()=>{await Promise.all([e.refresh(),Re(e,n)])},r=U({id:"members-status"}),g=u=>{u().then(o,f=>T(r,f))};try{let{members:u,invitations:f}=await y(Dn,{},w(e)),b=u.map(d=>{let v=d.user?.email??d.userId,[,S]=ee(`role-${d.userId}`,"",Qt,d.role);S.setAttribute("aria-label",`Role of ${v}`),S.addEventListener("change",()=>{y(wn,{input:{tenantId:e.tenantId,userId:d.userId,role:S.value,expectedVersion:d.version}},w(e)).then(o,I=>{S.value=d.role,T(r,I)})});let l=q("Remove",{"aria-label":`Remove ${v}`},()=>g(()=>y(Mn,{input:{tenantId:e.tenantId,userId:d.userId}},w(e))));return K(v,S,String(d.version),l)}),i=f.map(d=>{let v=d.status==="PENDING"?q("Revoke",{"aria-label":`Revoke the invitation of ${d.email}`},()=>g(()=>y(Tn,{id:d.id},w(e)))):"",S=K(d.email,d.role,d.status,d.expiresAt,v);return S.cells[2]?.setAttribute("class","status"),S}),[R,p]=V("invite-email","Email",{type:"email",required:""}),[j,m]=ee("invite-role","Role",Qt,"MEMBER"),a=U(),C=t("form",{id:"invite"},t("h3",{},"Invite someone"),R,p,j,m,t("button",{type:"submit"},"Invite"),a);O(C,a,()=>y(An,{input:{tenantId:e.tenantId,email:p.value,role:m.value}},w(e)).then(o)),n.replaceChildren(t("h3",{},"Members"),G("members",["Email","Role","Version",""],b),r,t("h3",{},"Invitations"),G("invitations",["Email","Role","Status","Expires",""],i),C)}catch(u){T(n,u)}}var Pn=h(`
  query ConsoleRoutes {
    routes { resourceKind env projectId backendType config { key value } secretRefs version updatedBy updatedAt }
    projects(first: 100) { edges { node { id name } } }
  }
`),kn=h(`
  query ConsoleResolveRoute($kind: String!) {
    route(resourceKind: $kind) { matchedScope route { tenantId env projectId backendType config { key value } version } }
  }
`),qn=h(`
  mutation ConsoleSetRoute($input: SetRouteInput!) {
    setRoute(input: $input) { resourceKind version }
  }
`),jn=h(`
  mutation ConsoleDeleteRoute($input: DeleteRouteInput!) {
    deleteRoute(input: $input)
  }
`),En=h(`
  query ConsoleRoutesPlan($file: String!) {
    routesPlan(file: $file) { resourceKind env projectId outcome changes { field from to } }
  }
`),Vn=h(`
  subscription ConsoleRouteChanged {
    routeChanged { resourceKind env version deleted }
  }
`),Kt=e=>e.map(n=>`${n.key}=${n.value}`).join(", "),_t=(e,n,o,r)=>e.resourceKind===n&&e.env===o&&(e.projectId??"")===r;async function Ht(e,n){let o=[],r=[],g=t("tbody",{}),u=t("p",{id:"routes-live","aria-live":"polite"},"Following changes\u2026"),f=U({id:"routes-status"}),[b,i]=V("route-kind","Resource kind",{required:"",pattern:"[a-z0-9_]+"}),[R,p]=ee("route-env","Env",ge.map(s=>[s,s]),e.env),[j,m]=ee("route-project","Project",[["","Tenant-wide"]],""),[a,C]=V("route-backend","Backend type",{required:""}),d=t("textarea",{id:"route-config",rows:"3",placeholder:"address=redis.internal:6379"}),v=t("textarea",{id:"route-secrets",rows:"2",placeholder:"password=file:///run/secrets/\u2026"}),S=t("input",{type:"hidden",id:"route-version",value:""}),l=t("p",{id:"route-editing"},"A new route (saving fails if one exists)."),I=U({id:"route-status"}),W=t("form",{id:"set-route"},t("h3",{},"Set a route"),l,b,i,R,p,j,m,a,C,t("label",{for:"route-config"},"Config (key=value per line)"),d,t("label",{for:"route-secrets"},"Secret references (name=reference per line)"),v,S,t("button",{type:"submit"},"Save route"),I),H=s=>{i.value=s.resourceKind,p.value=s.env,m.value=s.projectId??"",C.value=s.backendType,d.value=s.config.map(c=>`${c.key}=${c.value}`).join(`
`),v.value=s.secretRefs.join(`
`),S.value=String(s.version),l.textContent=`Editing ${s.resourceKind} (${s.env}) at version ${s.version}.`,i.focus()},Q=s=>s.split(`
`).map(c=>c.trim()).filter(c=>c!==""),D=()=>{g.replaceChildren(...o.map(s=>{let c={resourceKind:s.resourceKind,tenantId:e.tenantId,env:s.env,projectId:s.projectId,expectedVersion:s.version},P=t("span",{},q("Edit",{"aria-label":`Edit ${s.resourceKind} (${s.env})`},()=>H(s)),q("Delete",{"aria-label":`Delete ${s.resourceKind} (${s.env})`},()=>{y(jn,{input:c},w(e)).then(L,M=>Z(f,M,`${s.resourceKind} (${s.env})`))}));return K(s.resourceKind,s.env,s.projectId??"tenant-wide",s.backendType,Kt(s.config),String(s.version),s.updatedBy,P)}))},L=async()=>{let s=await y(Pn,{},w(e));o=s.routes,r=s.projects.edges.map(({node:M})=>[M.id,M.name]);let c=m.value,P=[["","Tenant-wide"],...r];m.replaceChildren(...P.map(([M,Y])=>t("option",{value:M},Y))),m.value=c,D()},Z=(s,c,P)=>{T(s,c),!(!(c instanceof X)||c.code!=="CONFLICT")&&L().then(()=>{let M=o.find(re=>_t(re,i.value,p.value,m.value)),Y=M?`${P} is now at version ${M.version} (by ${M.updatedBy}). Your edit is kept: save again to replace that version.`:`${P} no longer exists. Your edit is kept: save again to create it.`;S.value=M?String(M.version):"",l.textContent=M?`Editing ${M.resourceKind} (${M.env}) at version ${M.version}.`:"A new route (saving fails if one exists).",s.append(t("p",{class:"resolution"},Y))})};O(W,I,async()=>{let s=Q(d.value).map(P=>{let M=P.indexOf("=");return M<0?{key:P,value:""}:{key:P.slice(0,M).trim(),value:P.slice(M+1).trim()}}),c={resourceKind:i.value,tenantId:e.tenantId,env:p.value,projectId:m.value||null,backendType:C.value,config:s,secretRefs:Q(v.value),expectedVersion:S.value?Number(S.value):null};try{let{setRoute:P}=await y(qn,{input:c},w(e));I.replaceChildren(t("p",{},`Saved ${P.resourceKind} at version ${P.version}.`)),S.value=String(P.version),l.textContent=`Editing ${P.resourceKind} (${p.value}) at version ${P.version}.`,await L()}catch(P){Z(I,P,`${i.value} (${p.value})`)}});let[oe,F]=V("resolve-kind","Resource kind",{required:""}),z=U({id:"resolved"}),ae=t("form",{id:"resolve-route"},t("h3",{},`Effective route in ${e.env}${e.projectId?", this project":""}`),oe,F,t("button",{type:"submit"},"Resolve"),z);O(ae,z,async()=>{let{route:s}=await y(kn,{kind:F.value},w(e)),c=s.route;z.replaceChildren(t("p",{},`${c.backendType} ${Kt(c.config)} \u2014 matched at the ${s.matchedScope} scope (${c.tenantId}, ${c.env}${c.projectId?`, ${c.projectId}`:""}), version ${c.version}`))});let A=t("textarea",{id:"routes-file",rows:"6",required:"",placeholder:`routes:
  - {resourceKind: kpi, tenantId: \u2026, env: prod, backendType: bigquery, config: {project: p, dataset: kpi}}`}),E=U({id:"routes-plan"}),x=t("form",{id:"plan-routes"},t("h3",{},"Preview a routes file"),t("label",{for:"routes-file"},"Routes file (YAML, as for northstar routes apply)"),A,t("button",{type:"submit"},"Preview changes"),E);O(x,E,async()=>{let{routesPlan:s}=await y(En,{file:A.value},w(e)),c=s.map(M=>K(M.outcome,M.resourceKind,M.env,M.projectId??"tenant-wide",M.changes.map(Y=>`${Y.field}: ${Y.from??"\u2205"} \u2192 ${Y.to??"\u2205"}`).join("; "))),P=["CREATE","UPDATE","UNCHANGED"].map(M=>`${s.filter(Y=>Y.outcome===M).length} ${M.toLowerCase()}`);E.replaceChildren(t("p",{},`Nothing was written: ${P.join(", ")}.`),G("plan",["Outcome","Kind","Env","Project","Changes"],c))});try{await L()}catch(s){return T(n,s)}if(n.replaceChildren(ae,t("h3",{},"Routes"),t("table",{id:"routes"},t("thead",{},t("tr",{},...["Kind","Env","Project","Backend","Config","Version","By",""].map(s=>t("th",{scope:"col"},s)))),g),u,f,W,x),!n.isConnected)return;let k=Ce({session:e.session,tenantId:e.tenantId}),N=ve(k,Vn,{},s=>{let c=s.routeChanged;u.textContent=`${c.resourceKind} (${c.env}) ${c.deleted?"deleted":`is at version ${c.version}`}`,L().then(()=>{S.value&&!o.some(P=>_t(P,i.value,p.value,m.value))&&(S.value="",l.textContent=`${i.value} (${p.value}) was deleted. Your edit is kept: saving creates it again.`)}).catch(P=>T(u,P))},s=>T(u,s));ye(()=>{N(),k.dispose()})}var Ft=h(`
  query ConsoleRoles {
    context { roles }
    tenant { name }
    projects(first: 100) { edges { node { id name } } }
  }
`),Un=h(`
  query ConsoleTenant {
    tenant { id name version createdAt updatedAt mode { id name description } }
  }
`),Ln=h(`
  mutation ConsoleUpdateTenant($input: UpdateTenantInput!) {
    updateTenant(input: $input) { id name version }
  }
`),Nn=h(`
  query ConsoleProjects {
    projects(first: 100, includeArchived: true) { edges { node { id name version archived } } }
    surfaces { id tenantId name version }
    apps { id tenantId name version }
  }
`),On=h(`
  mutation ConsoleUpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { id name version }
  }
`),Qn=h(`
  mutation ConsoleUpdateSurface($input: UpdateSurfaceInput!) {
    updateSurface(input: $input) { id name version }
  }
`),Kn=h(`
  mutation ConsoleUpdateApp($input: UpdateAppInput!) {
    updateApp(input: $input) { id name version }
  }
`),_n=h(`
  mutation ConsoleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id }
  }
`),Hn=h(`
  mutation ConsoleArchiveProject($input: ArchiveProjectInput!) {
    archiveProject(input: $input) { id archived }
  }
`),Fn=h(`
  mutation ConsoleUnarchiveProject($input: ArchiveProjectInput!) {
    unarchiveProject(input: $input) { id archived }
  }
`),Bn=h(`
  mutation ConsoleCreateSurface($input: CreateSurfaceInput!) {
    createSurface(input: $input) { id }
  }
`),Wn=h(`
  mutation ConsoleDeleteSurface($id: ID!) {
    deleteSurface(id: $id)
  }
`),Gn=h(`
  mutation ConsoleCreateApp($input: CreateAppInput!) {
    createApp(input: $input) { id }
  }
`),zn=h(`
  mutation ConsoleDeleteApp($id: ID!) {
    deleteApp(id: $id)
  }
`),Wt={id:"tab-projects",label:"Projects",adminOnly:!1,show:zt},Bt=[{id:"tab-overview",label:"Overview",adminOnly:!1,show:Gt},Wt,{id:"tab-chat",label:"Chat",adminOnly:!1,show:Me},{id:"tab-members",label:"Members",adminOnly:!0,show:Re},{id:"tab-routes",label:"Routes",adminOnly:!0,show:Ht},{id:"tab-accounts",label:"Service accounts",adminOnly:!0,show:De},{id:"tab-audit",label:"Audit log",adminOnly:!0,show:Vt}];async function Pe(e,n,o,r,g="tab-projects"){ce();let u=de(n),f=r.find(D=>D.id===o)?.name??o,b;try{b=await y(Ft,{},{session:e,tenantId:o})}catch(D){return T(u,D)}let i={session:e,tenantId:o,tenantName:f,roles:b.context.roles,env:"dev",projectId:"",refresh:async()=>{}},R=t("section",{id:"page"}),p=Bt.find(D=>D.id===g&&(!D.adminOnly||le(i)))??Wt,j=t("nav",{"aria-label":"Tenant pages"}),m=D=>{ce(),p=D;for(let L of j.querySelectorAll("button"))L.removeAttribute("aria-current");j.querySelector(`#${D.id}`)?.setAttribute("aria-current","page"),D.show(i,de(R))};for(let D of Bt)(!D.adminOnly||le(i))&&j.append(q(D.label,{id:D.id},()=>m(D)));let[a,C]=ee("context-tenant","Tenant",r.map(D=>[D.id,D.name]),o);C.addEventListener("change",()=>{Pe(e,n,C.value,r,p.id)});let[d,v]=ee("context-env","Env",ge.map(D=>[D,D]),i.env);v.addEventListener("change",()=>{i.env=v.value,m(p)});let S=D=>[["","No project"],...D.projects.edges.map(({node:L})=>[L.id,L.name])],[l,I]=ee("context-project","Project",S(b),"");I.addEventListener("change",()=>{i.projectId=I.value,m(p)});let W=t("h2",{id:"tenant-name"},f),H=t("p",{id:"role"},`Your role: ${i.roles.join(", ")}`);i.refresh=async()=>{let D=await y(Ft,{},{session:e,tenantId:o});i.tenantName=D.tenant.name,i.roles=D.context.roles,W.textContent=D.tenant.name,H.textContent=`Your role: ${i.roles.join(", ")}`;let L=r.find(F=>F.id===o);L&&(L.name=D.tenant.name);let Z=[...C.options].find(F=>F.value===o);Z&&(Z.textContent=D.tenant.name);let oe=S(D);I.replaceChildren(...oe.map(([F,z])=>t("option",{value:F},z))),oe.some(([F])=>F===i.projectId)||(i.projectId=""),I.value=i.projectId};let Q=t("div",{class:"context",role:"group","aria-label":"Context"},t("span",{},a,C),t("span",{},d,v),t("span",{},l,I));u.replaceChildren(Q,W,H,j,R),m(p)}async function Gt(e,n){try{let{tenant:o}=await y(Un,{},w(e)),r=[t("h3",{},"Tenant"),t("dl",{id:"tenant"},t("dt",{},"Name"),t("dd",{},o.name),t("dt",{},"Id"),t("dd",{},o.id),t("dt",{},"Mode"),t("dd",{id:"tenant-mode"},`${o.mode.name} (${o.mode.id})${o.mode.description?` \u2014 ${o.mode.description}`:""}`),t("dt",{},"Version"),t("dd",{},String(o.version)),t("dt",{},"Created"),t("dd",{},o.createdAt),t("dt",{},"Updated"),t("dd",{},o.updatedAt))];if(le(e)){let[g,u]=V("tenant-rename","New name",{required:"",value:o.name}),f=U(),b=t("form",{id:"rename-tenant"},g,u,t("button",{type:"submit"},"Rename"),f);O(b,f,async()=>{await y(Ln,{input:{tenantId:e.tenantId,name:u.value,expectedVersion:o.version}},w(e)),await Promise.all([e.refresh(),Gt(e,n)])}),r.push(b)}n.replaceChildren(...r)}catch(o){T(n,o)}}async function zt(e,n){let o=async()=>{await Promise.all([e.refresh(),zt(e,n)])},r=U({id:"projects-status"}),g=u=>()=>{u().then(o,f=>T(r,f))};try{let{projects:u,surfaces:f,apps:b}=await y(Nn,{},w(e)),i=le(e),R=u.edges.map(({node:a})=>{let C=t("span",{});if(i){let d={input:{projectId:a.id,expectedVersion:a.version}};C.append(a.archived?q("Unarchive",{"aria-label":`Unarchive ${a.name}`},g(()=>y(Fn,d,w(e)))):q("Archive",{"aria-label":`Archive ${a.name}`},g(()=>y(Hn,d,w(e)))))}return K(a.name,a.id,a.archived?"archived":"active",String(a.version),C)}),p=a=>i&&a.tenantId===e.tenantId,j=(a,C,d)=>C.map(v=>K(v.name,v.id,v.tenantId===e.tenantId?String(v.version):`${v.version} (system-wide)`,p(v)?q("Delete",{"aria-label":`Delete the ${a} ${v.name}`},g(()=>d(v.id))):"")),m=[t("h3",{},"Projects"),G("projects",["Name","Id","State","Version",""],R),t("h3",{},"Surfaces"),G("surfaces",["Name","Id","Version",""],j("surface",f,a=>y(Wn,{id:a},w(e)))),t("h3",{},"Apps"),G("apps",["Name","Id","Version",""],j("app",b,a=>y(zn,{id:a},w(e)))),r];if(i){let a=(l,I,W)=>{let[H,Q]=V(`${l}-name`,`${I} name`,{required:""}),D=U(),L=t("form",{id:l},H,Q,t("button",{type:"submit"},`Create ${I.toLowerCase()}`),D);return O(L,D,()=>W(Q.value).then(o)),L},C=(l,I,W,H)=>{let[Q,D]=ee(`${l}-which`,I,W.map(z=>[z.id,z.name]),W[0]?.id??""),[L,Z]=V(`${l}-name`,"New name",{required:""}),oe=U(),F=t("form",{id:l},Q,D,L,Z,t("button",{type:"submit"},`Rename ${I.toLowerCase()}`),oe);return O(F,oe,async()=>{let z=W.find(ae=>ae.id===D.value);z&&await H(z,Z.value).then(o)}),F},d=l=>l.filter(I=>I.tenantId===e.tenantId),v=u.edges.map(({node:l})=>({id:l.id,name:l.name,version:l.version,tenantId:e.tenantId}));m.push(t("div",{class:"forms"},a("create-project","Project",l=>y(_n,{input:{tenantId:e.tenantId,name:l}},w(e))),a("create-surface","Surface",l=>y(Bn,{input:{tenantId:e.tenantId,name:l}},w(e))),a("create-app","App",l=>y(Gn,{input:{tenantId:e.tenantId,name:l}},w(e)))));let S=[];v.length>0&&S.push(C("rename-project","Project",v,(l,I)=>y(On,{input:{projectId:l.id,name:I,expectedVersion:l.version}},w(e)))),d(f).length>0&&S.push(C("rename-surface","Surface",d(f),(l,I)=>y(Qn,{input:{id:l.id,name:I,expectedVersion:l.version}},w(e)))),d(b).length>0&&S.push(C("rename-app","App",d(b),(l,I)=>y(Kn,{input:{id:l.id,name:I,expectedVersion:l.version}},w(e)))),S.length>0&&m.push(t("div",{class:"forms"},...S))}n.replaceChildren(...m)}catch(u){T(n,u)}}var Yn=h(`
  query ConsoleHome {
    tenants { id name mode { id name } }
    myInvitations { id tenantId role expiresAt }
  }
`),Xn=h(`
  mutation ConsoleAccept($id: ID!) {
    acceptInvitation(id: $id) { tenantId role }
  }
`),Jn=h(`
  mutation ConsoleDecline($id: ID!) {
    declineInvitation(id: $id)
  }
`),Yt=document.getElementById("app");function ke(){let[e,n]=V("email","Email",{type:"email",autocomplete:"username",required:""}),[o,r]=V("password","Password",{type:"password",autocomplete:"current-password",required:""}),[g,u]=V("tenant-name","New tenant (sign up only)",{type:"text"}),f=t("div",{"aria-live":"polite"}),b=t("form",{id:"sign-in"},t("h1",{},"Northstar console"),e,n,o,r,t("button",{type:"submit"},"Sign in"),g,u,q("Sign up",{id:"sign-up"},()=>{jt(n.value,r.value,u.value).then(fe,i=>T(f,i))}),f);b.addEventListener("submit",i=>{i.preventDefault(),qt(n.value,r.value).then(fe,R=>T(f,R))}),Yt.replaceChildren(b),n.focus()}async function fe(){ce();let e=kt();if(!e)return ke();let n=t("main",{}),o=t("nav",{"aria-label":"Console",class:"top"},q("Tenants",{id:"home"},()=>{fe()}));Yt.replaceChildren(t("header",{},t("span",{id:"who"},e.email),o,q("Sign out",{id:"sign-out"},()=>{Et().then(ke)})),n);try{let{tenants:r,myInvitations:g}=await y(Yn,{},{session:e}),u=r.map(p=>({id:p.id,name:p.name}));r.some(p=>p.id==="t_system")&&o.append(q("System",{id:"system"},()=>{ce(),Rt(e,n)}));let f=t("ul",{id:"tenants"},...r.map(p=>t("li",{},q(`${p.name} (${p.mode.name})`,{"data-tenant":p.id},()=>{Pe(e,n,p.id,u)})))),b=U(),i=p=>()=>{p().then(fe,j=>T(b,j))},R=t("ul",{id:"my-invitations"},...g.map(p=>t("li",{},`${p.role} in ${p.tenantId}, until ${p.expiresAt} `,q("Accept",{"data-invitation":p.id},i(()=>y(Xn,{id:p.id},{session:e}))),q("Decline",{"aria-label":`Decline the invitation to ${p.tenantId}`},i(()=>y(Jn,{id:p.id},{session:e}))))));n.replaceChildren(t("h2",{},"Your tenants"),f,...g.length>0?[t("h2",{},"Invitations for you"),R,b]:[])}catch(r){T(n,r)}}xe().then(e=>e?fe():ke());
